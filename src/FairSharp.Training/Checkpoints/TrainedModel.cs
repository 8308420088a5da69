using System.Globalization;
using FairSharp.Data;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Csv;
using FairSharp.Metrics;
using FairSharp.Training.Models;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Checkpoints;

/// <summary>
/// A model folder written by <c>fairsharp train</c>, loaded and verified once: <c>manifest.json</c> read, the sha256 of
/// every file it lists (<c>model.bin</c>, <c>preprocessing.json</c>) checked, the network rebuilt and its weights
/// loaded (evaluation mode). The one way <c>rationale</c>, <c>stitch</c>, <c>predict</c> and <c>export</c> open a model.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    /// <summary>Error text: a file differs from the sha256 recorded in manifest.json (format: path, found, recorded).</summary>
    public const string FileChanged = "{0}: sha256 {1} differs from manifest.json's {2}: the file was changed after training";

    /// <summary>Error text: predict or export on a model without fitted tabular preprocessing (format: folder).</summary>
    public const string NoPreprocessing = "{0}: the model has no preprocessing.json (only models trained on a CSV with --data have one)";

    /// <summary>Error text: an unreadable preprocessing.json (format: path, reason).</summary>
    public const string BadPreprocessing = "{0}: not a FairSharp preprocessing file ({1})";

    /// <summary>Error text: an unreadable thresholds.json, or one manifest.json does not list (format: path, reason).</summary>
    public const string BadThresholds = "{0}: not a FairSharp thresholds file ({1})";

    /// <summary>Error text: the data rebuilt for a model differs from the data it was trained on (format: folder, what differs).</summary>
    public const string DataMismatch = "{0}: the model was trained on different data ({1}); check --data-dir";

    private FairNetwork? _network;

    private TrainedModel(string folder, ModelManifest manifest, FairNetwork network, string weightsSha256, TabularPreprocessing? preprocessing,
        ThresholdPostprocessor? thresholds)
    {
        Folder = folder;
        Manifest = manifest;
        _network = network;
        WeightsSha256 = weightsSha256;
        Preprocessing = preprocessing;
        Thresholds = thresholds;
    }

    /// <summary>The per-group decision thresholds of a post-processed model (<c>thresholds.json</c>, written by
    /// <c>fairsharp postprocess</c>), else null.</summary>
    public ThresholdPostprocessor? Thresholds { get; }

    /// <summary>The fitted preprocessing of a model trained on a CSV (<c>preprocessing.json</c>), else null.</summary>
    public TabularPreprocessing? Preprocessing { get; }

    /// <summary>The folder as given.</summary>
    public string Folder { get; }

    /// <summary>Short label of the model: the folder's own name.</summary>
    public string Label => Path.GetFileName(Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The run's configuration (<see cref="ModelManifest.Config"/>).</summary>
    public RunConfig Config => Manifest.Config;

    /// <summary>The network, in evaluation mode; owned by this object until <see cref="TakeNetwork"/>.</summary>
    public FairNetwork Network => _network ?? throw new ObjectDisposedException(nameof(TrainedModel));

    /// <summary>sha256 of <c>model.bin</c> (keys caches of the model's representations).</summary>
    public string WeightsSha256 { get; }

    /// <summary>Loads and verifies the model folder <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidInputException">A missing or unreadable manifest or weights file, a file whose sha256
    /// differs from the manifest's, or weights that do not fit the architecture.</exception>
    public static TrainedModel Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var manifest = ModelCheckpoint.ReadManifest(folder);
        var weights = Path.Combine(folder, ModelCheckpoint.ModelFile);
        if (!File.Exists(weights))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ModelCheckpoint.MissingFile, weights));
        }

        var weightsSha = ModelCheckpoint.Sha256(weights);
        foreach (var (name, recorded) in manifest.Files ?? new Dictionary<string, string>())
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ModelCheckpoint.MissingFile, path));
            }

            var actual = string.Equals(name, ModelCheckpoint.ModelFile, StringComparison.Ordinal) ? weightsSha : ModelCheckpoint.Sha256(path);
            if (!string.Equals(actual, recorded, StringComparison.Ordinal))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, FileChanged, path, actual, recorded));
            }
        }

        var preprocessing = ReadPreprocessing(Path.Combine(folder, ModelCheckpoint.PreprocessingFile));
        var thresholds = ReadThresholds(Path.Combine(folder, ModelCheckpoint.ThresholdsFile), manifest);
        var (network, _) = ModelCheckpoint.Load(folder, manifest);
        return new TrainedModel(folder, manifest, network, weightsSha, preprocessing, thresholds);
    }

    /// <summary>The preprocessing, or an error saying the model has none.</summary>
    /// <exception cref="InvalidInputException">The model was trained on a catalogue dataset or images.</exception>
    public TabularPreprocessing RequirePreprocessing() =>
        Preprocessing ?? throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, NoPreprocessing, Folder));

    /// <summary>Scores new rows: the saved preprocessing (columns matched by name), then the network.</summary>
    /// <exception cref="InvalidInputException">No preprocessing, a missing input column, or text in a numeric column.</exception>
    public Prediction Predict(TabularRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Predict(RequirePreprocessing().Transform(rows));
    }

    /// <summary>Scores rows already encoded (<see cref="TabularPreprocessing.Transform(TabularRows)"/> or <see cref="CatalogueRows"/>).</summary>
    public Prediction Predict(EncodedRows encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var x = TorchSharp.torch.tensor(encoded.Features, [encoded.Count, encoded.Width]);
        return new Prediction(Network.PredictProbabilities(x), Config.Threshold, encoded.Unseen);
    }

    /// <summary>For a model trained on a catalogue dataset (<c>--dataset adult</c> or <c>german</c>): a file of that
    /// dataset's raw format, encoded as the training data was (<see cref="CatalogueRows.Read"/>, the encoder fitted
    /// again on the bundled files and checked against the manifest's data hash).</summary>
    /// <exception cref="InvalidInputException">A model trained with --data or on another dataset, a bad file, or
    /// bundled data that differs from the data the model was trained on.</exception>
    public CatalogueRows ReadCatalogueRows(string path, string? dataDirectory = null)
    {
        var rows = CatalogueRows.Read(DataRequest(dataDirectory), path);
        CheckDataSha256(rows.DataSha256);
        return rows;
    }

    /// <summary>For a model trained on a catalogue dataset (<c>--dataset adult</c> or <c>german</c>): its fitted encoder
    /// (<see cref="CatalogueRows.Encoding"/>, fitted again on the bundled files and checked against the manifest's data
    /// hash), the one <see cref="ReadCatalogueRows"/> applies.</summary>
    /// <exception cref="InvalidInputException">A model trained with --data or on another dataset, or bundled data that
    /// differs from the data the model was trained on.</exception>
    public CatalogueEncoding ReadCatalogueEncoding(string? dataDirectory = null)
    {
        var encoding = CatalogueRows.Encoding(DataRequest(dataDirectory));
        CheckDataSha256(encoding.DataSha256);
        return encoding;
    }

    private void CheckDataSha256(string actual)
    {
        if (!string.Equals(actual, Manifest.Data.DataSha256, StringComparison.Ordinal))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataMismatch, Folder,
                $"data sha256 {actual} instead of {Manifest.Data.DataSha256}"));
        }
    }

    private static TabularPreprocessing? ReadPreprocessing(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var preprocessing = JsonFiles.Read<TabularPreprocessing>(path);
            return preprocessing.Format == TabularPreprocessing.CurrentFormat
                ? preprocessing
                : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadPreprocessing, path, $"format '{preprocessing.Format}'"));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadPreprocessing, path, e.Message.ReplaceLineEndings(" ")), e);
        }
    }

    private static ThresholdPostprocessor? ReadThresholds(string path, ModelManifest manifest)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (manifest.Files?.ContainsKey(ModelCheckpoint.ThresholdsFile) != true)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadThresholds, path, "manifest.json does not list it"));
        }

        try
        {
            var thresholds = JsonFiles.Read<ThresholdPostprocessor>(path);
            return thresholds.Rules is { Count: > 0 }
                ? thresholds
                : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadThresholds, path, "no rules"));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadThresholds, path, JsonProblem.Describe(e)), e);
        }
    }

    /// <summary>The data request that rebuilds the exact data the model was trained on (dataset, attributes, protocol,
    /// split seed from the manifest; for a CSV model the recorded CSV options, with <paramref name="dataFile"/> in place
    /// of the recorded <c>--data</c> path when given).</summary>
    public DataRequest DataRequest(string? dataDirectory = null, string? utkFaceDirectory = null, string? dataFile = null) =>
        new(Config.Dataset, Config.Sensitive, Config.Protocol, Manifest.Data.SplitSeed)
        {
            DataDirectory = dataDirectory,
            UtkFaceDirectory = utkFaceDirectory,
            Csv = Preprocessing?.Source is { } csv && dataFile is not null && !csv.HasOwnSplit ? csv with { DataFile = dataFile } : Preprocessing?.Source,
        };

    /// <summary>Rebuilds the model's data (<see cref="DataRequest"/>) and checks it is the data of the manifest.</summary>
    /// <exception cref="InvalidInputException">The data cannot be loaded, or it differs (sha256, rows per split, groups).</exception>
    public PreparedDataset PrepareData(string? dataDirectory = null, string? utkFaceDirectory = null, string? dataFile = null)
    {
        var data = DatasetLoader.Prepare(DataRequest(dataDirectory, utkFaceDirectory, dataFile));
        CheckData(data);
        return data;
    }

    /// <summary>Throws when <paramref name="data"/> is not the data of the manifest (sha256, rows per split, groups).</summary>
    /// <exception cref="InvalidInputException">The data differs; the message says how.</exception>
    public void CheckData(PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var expected = Manifest.Data;
        var actual = DataSummary.Of(data);
        string? difference = null;
        if (!string.Equals(expected.DataSha256, actual.DataSha256, StringComparison.Ordinal))
        {
            difference = $"data sha256 {actual.DataSha256} instead of {expected.DataSha256}";
        }
        else if (expected.TrainRows != actual.TrainRows || expected.ValidationRows != actual.ValidationRows || expected.TestRows != actual.TestRows)
        {
            difference = string.Create(CultureInfo.InvariantCulture,
                $"{actual.TrainRows}/{actual.ValidationRows}/{actual.TestRows} rows instead of {expected.TrainRows}/{expected.ValidationRows}/{expected.TestRows}");
        }
        else if (!expected.Groups.SequenceEqual(actual.Groups))
        {
            difference = $"groups {string.Join(",", actual.Groups)} instead of {string.Join(",", expected.Groups)}";
        }

        if (difference is not null)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataMismatch, Folder, difference));
        }
    }

    /// <summary>Hands the network to the caller (e.g. a stitched model that wraps and disposes it); this object no
    /// longer disposes it.</summary>
    public FairNetwork TakeNetwork()
    {
        var network = Network;
        _network = null;
        return network;
    }

    /// <summary>Disposes the network unless it was taken.</summary>
    public void Dispose()
    {
        _network?.Dispose();
        _network = null;
    }
}
