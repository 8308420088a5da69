using FairSharp.Training.Runs;

namespace FairSharp.Training.Stitching;

/// <summary>What <c>manifest.json</c> records next to a stitch run's <c>model.bin</c> (the state dict of the stitched
/// model — stitch + backbone — or of FDR's head).</summary>
/// <param name="Format">File format tag (<see cref="CurrentFormat"/>).</param>
/// <param name="Config">The resolved configuration (backbone architecture, stitch point, method…).</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Data">Dataset, groups, rows, data sha256, split seed.</param>
/// <param name="ChosenEpoch">Epoch whose weights are saved.</param>
/// <param name="Parameters">Parameter names in model.bin.</param>
/// <param name="Test">Test metrics the saved weights give.</param>
/// <param name="Packages">Package and runtime versions.</param>
/// <param name="MetricDefinitions">Metric key → form.</param>
public sealed record StitchManifest(
    string Format,
    StitchConfig Config,
    int Seed,
    DataSummary Data,
    int ChosenEpoch,
    IReadOnlyList<string> Parameters,
    IReadOnlyDictionary<string, double> Test,
    IReadOnlyDictionary<string, string> Packages,
    IReadOnlyDictionary<string, string> MetricDefinitions)
{
    /// <summary>The format tag this version writes. 2: <see cref="StitchConfig"/> records the method's knobs in
    /// <c>method_options</c> (only those the method has) in place of one field per stitch setting (format 1). FairSharp
    /// writes stitch manifests for the record and never reads them back (a stitch folder given as a model is refused by
    /// the model manifest's own format check), so format 1 needs no reader.</summary>
    public const string CurrentFormat = "fairsharp-stitch/2";
}
