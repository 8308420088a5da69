using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;

namespace FairSharp.Data;

/// <summary>What <c>fairsharp datasets --describe</c> prints: a prepared dataset's splits, class balance, group
/// balance and y × group tables, with its provenance.</summary>
/// <param name="Dataset">Catalogue name.</param>
/// <param name="Title">Catalogue title.</param>
/// <param name="Target">Definition of y.</param>
/// <param name="Licence">Licence or terms.</param>
/// <param name="Protocol">Protocol preset.</param>
/// <param name="Seed">Seed of the split.</param>
/// <param name="Sensitive">Sensitive attributes.</param>
/// <param name="GroupNames">Name of each group index.</param>
/// <param name="SampleShape">Shape of one input sample.</param>
/// <param name="Splits">Train, validation, test.</param>
/// <param name="DataSha256">Hash of the source files.</param>
public sealed record DatasetSummary(
    string Dataset,
    string Title,
    string Target,
    string Licence,
    string Protocol,
    int Seed,
    IReadOnlyList<string> Sensitive,
    IReadOnlyList<string> GroupNames,
    IReadOnlyList<int> SampleShape,
    IReadOnlyList<SplitSummary> Splits,
    string DataSha256)
{
    /// <summary>Rows over all splits.</summary>
    public int TotalRows => Splits.Sum(s => s.Rows);

    /// <summary>Summarises <paramref name="data"/>.</summary>
    public static DatasetSummary Of(PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var info = DatasetCatalogue.Get(data.Dataset);
        var splits = new[] { data.Train, data.Validation, data.Test }.Select(s => SplitSummary.Of(s, data.GroupNames.Count)).ToArray();
        var target = Protocols.DataProtocols.Get(data.Protocol).Target(info);
        return new DatasetSummary(data.Dataset, info.Title, target, info.Licence, data.Protocol, data.Seed, data.Sensitive,
            data.GroupNames, data.Train.SampleShape, splits, data.DataSha256);
    }
}
