using FairSharp.Training.Models;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Checkpoints;

/// <summary>What <c>manifest.json</c> records next to <c>model.bin</c>: enough to rebuild the model, to know exactly how
/// it was trained and on which data, and how its metrics are defined.</summary>
/// <param name="Format">File format tag (<see cref="CurrentFormat"/>).</param>
/// <param name="Model">Architecture (rebuilt by <see cref="ModelSpec.Build"/> before loading the state dict).</param>
/// <param name="Config">The full resolved configuration.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Data">Dataset, groups, rows per split, data sha256, split seed.</param>
/// <param name="ChosenEpoch">Epoch whose weights are saved.</param>
/// <param name="WeightLayers">Weight layer parameter names, input → output.</param>
/// <param name="StitchPoints">Stitch points: index, name and representation shape.</param>
/// <param name="Test">Test metrics the saved weights give (a loaded model reproduces them exactly).</param>
/// <param name="Packages">Package and runtime versions (FairSharp, TorchSharp, libtorch, .NET).</param>
/// <param name="MetricDefinitions">Metric key → which form it is (threshold, comparison, aggregation).</param>
public sealed record ModelManifest(
    string Format,
    ModelSpec Model,
    RunConfig Config,
    int Seed,
    DataSummary Data,
    int ChosenEpoch,
    IReadOnlyList<string> WeightLayers,
    IReadOnlyList<StitchPoint> StitchPoints,
    IReadOnlyDictionary<string, double> Test,
    IReadOnlyDictionary<string, string> Packages,
    IReadOnlyDictionary<string, string> MetricDefinitions)
{
    /// <summary>The format tag this version writes.</summary>
    public const string CurrentFormat = "fairsharp-model/1";

    /// <summary>File name → lower-case hex sha256 of the files saved beside the manifest (<c>model.bin</c>, and
    /// <c>preprocessing.json</c> when the model has one), checked by <see cref="TrainedModel.Load"/>. Null in manifests
    /// written before the hashes were recorded (then nothing is checked).</summary>
    public IReadOnlyDictionary<string, string>? Files { get; init; }
}
