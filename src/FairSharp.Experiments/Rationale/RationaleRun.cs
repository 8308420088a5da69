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

    /// <summary>Error text: the data rebuilt for a model differs from its manifest's (format: folder, expected, actual).</summary>
    public const string DataMismatch = "{0}: the data differs from the one the model was trained on (sha256 {1} in manifest.json, {2} now)";

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
            var (model, manifest) = ModelCheckpoint.Load(folder);
            using (model)
            {
                var config = manifest.Config;
                var key = string.Join("|", config.Dataset, string.Join(",", config.Sensitive), config.Protocol, manifest.Data.SplitSeed);
                if (!data.TryGetValue(key, out var prepared))
                {
                    prepared = DatasetLoader.Prepare(new DataRequest(config.Dataset, config.Sensitive, config.Protocol, manifest.Data.SplitSeed)
                    {
                        DataDirectory = request.DataDirectory,
                    });
                    data[key] = prepared;
                }

                if (!string.Equals(prepared.DataSha256, manifest.Data.DataSha256, StringComparison.Ordinal))
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataMismatch, folder, manifest.Data.DataSha256, prepared.DataSha256));
                }

                var split = request.Split switch
                {
                    "train" => prepared.Train,
                    "validation" => prepared.Validation,
                    _ => prepared.Test,
                };
                var measurement = RationaleProbe.Measure(model, split, prepared.GroupNames, request.ProbeOptions);
                var label = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
                models.Add(new ModelRationale(label, folder, config.Method, config.Constraint, config.DescribeOptions(),
                    manifest.Seed, config.Dataset, ParityScore.Compare(measurement)));
            }
        }

        return new RationaleResult(ParityReport.Definition, request.Split, request.Partition, request.Influence, models);
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
