using System.Globalization;
using FairSharp.Data;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Rationale;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Rationale;

/// <summary>
/// <c>fairsharp rationale</c>: loads each model folder, rebuilds the exact data it was trained on (dataset, attributes,
/// protocol and seed from its manifest; the data's sha256 must match), measures every stratum's neuron influence on the
/// chosen split and compares the strata pairwise (<see cref="ParityScore"/>). Writes <c>rationale.json</c>,
/// <c>rationale.md</c>, <c>rationale.png</c> and <c>rationale.svg</c> into a new folder, atomically.
/// </summary>
public static class RationaleRun
{
    /// <summary>JSON file name.</summary>
    public const string JsonFile = "rationale.json";

    /// <summary>Markdown file name.</summary>
    public const string MarkdownFile = "rationale.md";

    /// <summary>Measures and compares every model of <paramref name="request"/>.</summary>
    /// <exception cref="InvalidInputException">A bad request, a missing or unreadable model folder, or changed data.</exception>
    public static RationaleResult Execute(RationaleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var data = new Dictionary<string, PreparedDataset>(StringComparer.Ordinal);
        var models = new List<ModelRationale>();
        foreach (var folder in request.Models)
        {
            using var trained = TrainedModel.Load(folder);
            var config = trained.Config;
            var key = string.Join("|", config.Dataset, string.Join(",", config.Sensitive), config.Protocol, trained.Manifest.Data.SplitSeed);
            if (!data.TryGetValue(key, out var prepared))
            {
                prepared = DatasetLoader.Prepare(trained.DataRequest(request.DataDirectory, dataFile: request.DataFile));
                data[key] = prepared;
            }

            trained.CheckData(prepared);
            models.Add(Measure(trained, prepared, request));
        }

        return new RationaleResult(ParityReport.Definition, request.Split, request.Partition, request.Influence, models);
    }

    /// <summary>Measures one loaded model on <paramref name="data"/> (the data it was trained on, already checked) with
    /// the split and probe settings of <paramref name="request"/> (sweep trials call this on the model they trained).</summary>
    public static ModelRationale Measure(TrainedModel trained, PreparedDataset data, RationaleRequest request)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var config = trained.Config;
        var split = request.Split switch
        {
            "train" => data.Train,
            "validation" => data.Validation,
            _ => data.Test,
        };
        var measurement = RationaleProbe.Measure(trained.Network, split, data.GroupNames, request.ProbeOptions);
        return new ModelRationale(trained.Label, trained.Folder, config.Method, config.Constraint, config.DescribeOptions(),
            trained.Manifest.Seed, config.Dataset, ParityScore.Compare(measurement));
    }

    /// <summary>Writes <c>rationale.json</c>, <c>rationale.md</c>, <c>rationale.png</c> and <c>rationale.svg</c> into
    /// <paramref name="outputDirectory"/> (new or empty), atomically.</summary>
    public static void Write(RationaleResult result, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        OutputDirectory.WriteAtomically(outputDirectory, temp =>
        {
            JsonFiles.Write(Path.Combine(temp, JsonFile), result);
            File.WriteAllText(Path.Combine(temp, MarkdownFile), RationaleMarkdown.Render(result));
            RationalePlot.Save(result, temp);
        });
    }
}
