using static TorchSharp.torch;

namespace FairSharp.Training.Rationale;

/// <summary>The GGPA alignment term of one step.</summary>
/// <param name="Value">S = Σ_pairs Σ_layers cos(I_s, I_t), a 0-d tensor; it keeps its graph through the subgroup
/// gradients when they were taken with <c>create_graph</c>. One-neuron layers add exactly 1 per pair, as constants.</param>
/// <param name="Alignment">The value of S as a number.</param>
/// <param name="LayerCosines">Per weight layer (all layers, input → output), the cosine averaged over the pairs used;
/// exactly 1 for one-neuron layers.</param>
/// <param name="Pairs">Number of pairs in S.</param>
public sealed record AlignmentTerm(Tensor Value, double Alignment, IReadOnlyList<double> LayerCosines, int Pairs);
