using System.Globalization;
using FairSharp.Data.Csv;
using FairSharp.Data.Protocols;
using FairSharp.Data.Sources;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Catalogue;

/// <summary>
/// A user's file in a catalogue dataset's raw format (Adult: lines of <c>adult.data</c> or <c>adult.test</c>; German:
/// lines of <c>german.data</c>), read by the catalogue's own reader and encoded by the catalogue's own encoder, fitted
/// as for training (<see cref="DatasetLoader.Prepare"/>: the bundled files, the request's sensitive attributes and
/// seed), so that a model trained with <c>--dataset</c> scores them exactly as it scored its test split. Every row is
/// kept: a category the catalogue's rows never had (Adult's <c>?</c>, which FFB drops) encodes as an all-zero one-hot
/// row, counted in <see cref="EncodedRows.Unseen"/>.
/// </summary>
/// <param name="Encoded">The encoded rows (the model's inputs).</param>
/// <param name="Labels">y of every row, from the file's target field (Adult: income &gt;50K, with or without the
/// period; German: credit = 1).</param>
/// <param name="Sensitive">The sensitive attributes.</param>
/// <param name="SensitiveValues">Per attribute, each row's value (<see cref="SensitiveAttribute.Value1"/> or
/// <see cref="SensitiveAttribute.Value0"/>), or <see cref="Outside"/> for a row the attribute's filter leaves out
/// (Adult's race: neither White nor Black).</param>
/// <param name="GroupNames">The model's group names.</param>
/// <param name="Groups">Each row's group (index into <paramref name="GroupNames"/>), −1 for a row outside a filter.</param>
/// <param name="DataSha256">Hash of the bundled files the encoder was fitted on (the model's manifest records it).</param>
public sealed record CatalogueRows(
    EncodedRows Encoded, int[] Labels, IReadOnlyList<string> Sensitive, IReadOnlyList<string[]> SensitiveValues,
    IReadOnlyList<string> GroupNames, int[] Groups, string DataSha256)
{
    /// <summary>The sensitive value of a row that an attribute's filter leaves out.</summary>
    public const string Outside = "(outside)";

    /// <summary>The catalogue datasets whose raw rows can be scored (protocol ffb).</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["adult", "german"];

    /// <summary>Reads <paramref name="path"/> in the raw format of <paramref name="request"/>'s dataset and encodes it
    /// as that request's training data was encoded.</summary>
    /// <exception cref="InvalidInputException">A dataset or protocol without a raw-row reader, a missing or malformed
    /// file (file, line), an unknown target value, or missing bundled data.</exception>
    public static CatalogueRows Read(DataRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (encoder, groupNames, dataSha256) = Fit(request);
        var rows = request.Dataset == "adult" ? AdultSource.ForFfb(path) : GermanSource.Read(path);
        var unseen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var x = encoder.Transform(rows.Columns, rows.Count, unseen);

        var attributes = request.Sensitive.Select(request.Info.Attribute).ToArray();
        var sensitive = request.Sensitive.Select(s => rows.Sensitive[s]).ToArray();
        var values = sensitive.Select((s, k) => Enumerable.Range(0, rows.Count)
            .Select(r => s.Keep is { } keep && !keep[r] ? Outside : s.Values[r] == 1 ? attributes[k].Value1 : attributes[k].Value0).ToArray()).ToArray();
        var groups = GroupEncoding.Encode(sensitive.Select(s => s.Values).ToArray(), rows.Count);
        for (var r = 0; r < groups.Length; r++)
        {
            if (sensitive.Any(s => s.Keep is { } keep && !keep[r]))
            {
                groups[r] = -1;
            }
        }

        return new CatalogueRows(new EncodedRows(x, rows.Count, encoder.Width, unseen), rows.Labels, request.Sensitive.ToArray(), values,
            groupNames, groups, dataSha256);
    }

    /// <summary>The encoder of <paramref name="request"/>'s dataset, fitted as for training (the bundled files, the
    /// request's sensitive attributes and seed), as data: what <see cref="Read"/> applies to raw rows.</summary>
    /// <exception cref="InvalidInputException">A dataset or protocol without a raw-row encoder, or missing bundled data.</exception>
    public static CatalogueEncoding Encoding(DataRequest request)
    {
        var (encoder, _, dataSha256) = Fit(request);
        return encoder.Describe(request.Dataset, dataSha256);
    }

    private static (FeatureEncoder Encoder, string[] GroupNames, string DataSha256) Fit(DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Csv is not null || !Datasets.Contains(request.Dataset, StringComparer.Ordinal)
            || !string.Equals(request.Protocol, FfbProtocol.ProtocolName, StringComparison.Ordinal))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.NoRawRows,
                request.Csv is null ? request.Dataset : "csv", request.Protocol, string.Join(" and ", Datasets)));
        }

        request.Validate();
        var dataDirectory = DataDirectory.Locate(request.DataDirectory);
        var catalogue = DatasetLoader.LoadTabular(request.Dataset, dataDirectory, request.VerifyChecksums);
        var (encoder, _, _, _, groupNames, _, _, _) = FfbTabularPipeline.Fit(catalogue, request);
        return (encoder, groupNames, catalogue.DataSha256);
    }
}
