namespace FairSharp.Training.Rationale;

/// <summary>Parity scores of one pair of strata, layer by layer.</summary>
/// <param name="First">Name of the first stratum.</param>
/// <param name="Second">Name of the second stratum.</param>
/// <param name="Label">The label both strata share (by-label partition), or null.</param>
/// <param name="Layers">One entry per weight layer, input → output.</param>
/// <param name="Alignment">Σ over all layers of the cosine: this pair's contribution to the GGPA term S (one-neuron
/// layers add exactly 1 each, as in the authors' logged value).</param>
/// <param name="MeanCosine">Mean cosine over the layers with more than one neuron (the informative ones); NaN when
/// there are none.</param>
public sealed record PairParity(string First, string Second, int? Label, IReadOnlyList<LayerParity> Layers, double Alignment, double MeanCosine);
