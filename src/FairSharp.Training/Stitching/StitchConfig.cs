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
/// <param name="StitchLayer">Stitch point index.</param>
/// <param name="StitchPoint">Stitch point name and representation shape.</param>
/// <param name="Init">Stitch initialisation (<c>none</c> for FDR).</param>
/// <param name="Constraint">Fairness term: eo, ae or mmf.</param>
/// <param name="Alpha">α.</param>
/// <param name="LambdaAlign">FAIRER's alignment weight on the stitch (0 = plain TFS).</param>
/// <param name="BatchSize">Requested batch size, or null for full batch.</param>
/// <param name="EffectiveBatchSize">Rows per batch used.</param>
/// <param name="Epochs">Epochs.</param>
/// <param name="LearningRate">SGD learning rate of the stitch (output-layer parameters: twice this).</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="WeightDecay">SGD weight decay of the stitch (output-layer parameters: half this).</param>
/// <param name="ClassWeights">NLL class weights (w₀, w₁).</param>
/// <param name="FineTuneOn"><c>train+val</c> or <c>train</c>.</param>
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
    string Init,
    string Constraint,
    double Alpha,
    double LambdaAlign,
    int? BatchSize,
    int EffectiveBatchSize,
    int Epochs,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    IReadOnlyList<double> ClassWeights,
    string FineTuneOn,
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
