namespace FairSharp.Training.Rationale;

/// <summary>Neuron influence of every weight layer, measured on one stratum's loss.</summary>
/// <param name="Name">Stratum name.</param>
/// <param name="Group">Group index.</param>
/// <param name="Label">Cell label, or null for a whole group.</param>
/// <param name="Rows">Rows the loss was averaged over.</param>
/// <param name="Loss">Mean BCE of the stratum (the L_g the gradients are taken of).</param>
/// <param name="Influence">Per layer (in <see cref="RationaleMeasurement.Layers"/> order), the influence of each
/// output neuron, ≥ 0.</param>
public sealed record StratumInfluence(string Name, int Group, int? Label, int Rows, double Loss, IReadOnlyList<IReadOnlyList<double>> Influence);
