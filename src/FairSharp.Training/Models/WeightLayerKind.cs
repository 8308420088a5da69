namespace FairSharp.Training.Models;

/// <summary>Kind of a weight layer: how its weight tensor is laid out.</summary>
public enum WeightLayerKind
{
    /// <summary>Fully connected: weight [out, in].</summary>
    Linear,

    /// <summary>2-D convolution: weight [out_channels, in_channels, kh, kw].</summary>
    Conv,

    /// <summary>Normalisation scale (BatchNorm gamma): weight [channels]; not in <see cref="FairNetwork.WeightLayers"/>
    /// (it has no layer output of its own), only in <see cref="FairNetwork.AllWeights"/>.</summary>
    Norm,
}
