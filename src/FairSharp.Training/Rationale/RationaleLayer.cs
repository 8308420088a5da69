using FairSharp.Training.Models;

namespace FairSharp.Training.Rationale;

/// <summary>A weight layer as the rationale outputs describe it.</summary>
/// <param name="Name">Parameter name of the weight (e.g. <c>stages.0.linear.weight</c>, <c>head.weight</c>).</param>
/// <param name="Kind">Linear or convolution.</param>
/// <param name="Neurons">Output neurons / channels (length of the influence vector).</param>
public sealed record RationaleLayer(string Name, WeightLayerKind Kind, int Neurons)
{
    /// <summary>True for a one-neuron layer (the output layer): the cosine of two positive 1-element vectors is
    /// identically 1, so the layer carries no alignment information and receives no alignment gradient.</summary>
    public bool ConstantCosine => Neurons == 1;

    /// <summary>The description of every weight layer of <paramref name="model"/>, input → output.</summary>
    public static IReadOnlyList<RationaleLayer> Of(FairNetwork model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.WeightLayers.Select(l => new RationaleLayer(l.Name, l.Kind, l.OutputCount)).ToArray();
    }
}
