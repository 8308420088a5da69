using FairSharp.Training.Models;

namespace FairSharp.Training.Stitching;

/// <summary>The full, resolved configuration of a stitch run as plain values (what result.json and manifest.json record).</summary>
/// <param name="Method"><c>tfs</c>, <c>fdr</c> or <c>tfs-joint</c>.</param>
/// <param name="Backbone">Backbone folder as given.</param>
/// <param name="BackboneSha256">sha256 of the backbone's model.bin (the feature-cache key).</param>
/// <param name="BackboneModel">The backbone's architecture.</param>
/// <param name="Dataset">Dataset of the backbone.</param>
/// <param name="Sensitive">Sensitive attributes of the backbone.</param>
/// <param name="Protocol">Data protocol of the backbone.</param>
/// <param name="StitchLayer">Stitch point index (the <c>stitch_layer</c> knob resolved against the backbone).</param>
/// <param name="StitchPoint">Stitch point name and representation shape.</param>
/// <param name="MethodOptions">Every knob of the method and its value (knob name → number or name), sorted; only the
/// knobs the method has (<see cref="StitchMethodDescriptor"/>: fdr has neither <c>init</c> nor <c>lambda_align</c>),
/// as a network run's <see cref="Runs.RunConfig.MethodOptions"/>. The SGD rates apply to the stitch; output-layer
/// parameters use twice the <c>lr</c> and half the <c>weight_decay</c> (<see cref="OneLogit"/>).</param>
/// <param name="EffectiveBatchSize">Rows per batch used.</param>
/// <param name="ClassWeights">NLL class weights (w₀, w₁).</param>
/// <param name="BalancedCells">The balanced set's cells (m rows each).</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Threads">Torch threads, or null.</param>
/// <param name="Selection">Selection rule description.</param>
/// <param name="Threshold">Decision threshold of the thresholded metrics.</param>
/// <param name="Comparison">The comparison, e.g. <c>score &gt;= 0.5</c>.</param>
/// <param name="Parameterisation">How the one-logit model maps to the released two-logit one.</param>
public sealed record StitchConfig(
    string Method,
    string Backbone,
    string BackboneSha256,
    ModelSpec BackboneModel,
    string Dataset,
    IReadOnlyList<string> Sensitive,
    string Protocol,
    int StitchLayer,
    StitchPoint StitchPoint,
    IReadOnlyDictionary<string, object> MethodOptions,
    int EffectiveBatchSize,
    IReadOnlyList<double> ClassWeights,
    IReadOnlyList<BalancedCell> BalancedCells,
    int Seed,
    int? Threads,
    string Selection,
    double Threshold,
    string Comparison,
    string Parameterisation)
{
    /// <summary>The text of <see cref="Parameterisation"/>.</summary>
    public const string OneLogit =
        "one logit z = l1 - l0 (sigmoid = softmax[1], BCE = NLL of log_softmax); output-layer parameters use 2*lr and wd/2, exactly the SGD path of the released two-logit layer";
}
