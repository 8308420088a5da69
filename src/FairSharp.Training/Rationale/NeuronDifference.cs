namespace FairSharp.Training.Rationale;

/// <summary>Statistics over a layer's neurons of the normalised absolute influence difference
/// d_k = |I_a[k] − I_b[k]| / (I_a[k] + I_b[k]) ∈ [0, 1] (d_k = 0 when both are 0): 0 = the neuron matters equally to
/// both groups, 1 = it matters to one group only. The element-wise reading of FAIRER's parity score (§4).</summary>
/// <param name="Mean">Mean of d_k.</param>
/// <param name="Median">Median of d_k.</param>
/// <param name="Max">Largest d_k.</param>
/// <param name="MeanAbsolute">Mean of the unnormalised |I_a[k] − I_b[k]|.</param>
public sealed record NeuronDifference(double Mean, double Median, double Max, double MeanAbsolute);
