using FairSharp.Data;

namespace FairSharp.Training.Runs;

/// <summary>Which data a run saw: enough to check that another run used the same.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Protocol">Data protocol.</param>
/// <param name="Sensitive">Sensitive attributes.</param>
/// <param name="Groups">Group names (index = group).</param>
/// <param name="Features">Number of input values per row.</param>
/// <param name="TrainRows">Training rows.</param>
/// <param name="ValidationRows">Validation rows.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="DataSha256">sha256 of the source files.</param>
/// <param name="SplitSeed">Seed of the split.</param>
public sealed record DataSummary(
    string Dataset,
    string Protocol,
    IReadOnlyList<string> Sensitive,
    IReadOnlyList<string> Groups,
    int Features,
    int TrainRows,
    int ValidationRows,
    int TestRows,
    string DataSha256,
    int SplitSeed)
{
    /// <summary>The summary of a prepared dataset.</summary>
    public static DataSummary Of(PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DataSummary(data.Dataset, data.Protocol, data.Sensitive, data.GroupNames, data.Train.RowSize,
            data.Train.Count, data.Validation.Count, data.Test.Count, data.DataSha256, data.Seed);
    }
}
