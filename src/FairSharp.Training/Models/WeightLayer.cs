using TorchSharp.Modules;

namespace FairSharp.Training.Models;

/// <summary>One weight layer of a <see cref="FairNetwork"/>, in input → output order.</summary>
/// <param name="Name">Parameter name of the weight in the state dict (e.g. <c>stages.0.linear.weight</c>).</param>
/// <param name="Weight">The weight parameter (dim 0 indexes the output neurons / channels).</param>
/// <param name="Bias">The bias parameter, or null when the layer has none.</param>
/// <param name="Kind">Linear or convolution.</param>
/// <param name="OutputCount">Number of output neurons (Linear) or channels (Conv): <c>Weight.shape[0]</c>.</param>
/// <param name="TraceIndex">Index of this layer's output in <see cref="ForwardTrace.LayerOutputs"/>.</param>
public sealed record WeightLayer(string Name, Parameter Weight, Parameter? Bias, WeightLayerKind Kind, int OutputCount, int TraceIndex);
