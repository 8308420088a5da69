using TorchSharp.Modules;

namespace FairSharp.Training.Optimizers;

/// <summary>
/// Parameters a model optimises together, with multipliers of the run's learning rate and weight decay. A one-logit
/// output layer that must follow the released two-logit layer (TFS, FDR) is the group (2, ½): SGD on v = w₁ − w₀ moves
/// the logit difference by −lr·(2·∂L/∂v + wd·v) per step, momentum included (see <see cref="Stitching.FeatureClassifier"/>).
/// </summary>
/// <param name="Parameters">The group's parameters.</param>
/// <param name="LearningRateScale">Factor of the run's learning rate (default 1).</param>
/// <param name="WeightDecayScale">Factor of the run's weight decay (default 1).</param>
public sealed record ParameterGroup(IReadOnlyList<Parameter> Parameters, double LearningRateScale = 1, double WeightDecayScale = 1);
