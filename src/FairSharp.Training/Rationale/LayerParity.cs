namespace FairSharp.Training.Rationale;

/// <summary>How similar two strata's neuron influences are in one layer.</summary>
/// <param name="Layer">Weight parameter name.</param>
/// <param name="Neurons">Output neurons of the layer.</param>
/// <param name="ConstantCosine">True for a one-neuron layer: its cosine is 1 by construction (reported, not informative).</param>
/// <param name="Cosine">cos(I_a, I_b) as in the GGPA loss (torch's cosine_similarity, eps 1e-8), in [0, 1]; exactly 1
/// for a one-neuron layer.</param>
/// <param name="Difference">Per-neuron normalised difference statistics.</param>
public sealed record LayerParity(string Layer, int Neurons, bool ConstantCosine, double Cosine, NeuronDifference Difference);
