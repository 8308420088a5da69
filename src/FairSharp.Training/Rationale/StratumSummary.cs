namespace FairSharp.Training.Rationale;

/// <summary>A stratum as a parity report lists it.</summary>
/// <param name="Name">Stratum name.</param>
/// <param name="Group">Group index.</param>
/// <param name="Label">Cell label, or null.</param>
/// <param name="Rows">Rows measured.</param>
/// <param name="Loss">Mean BCE of the stratum.</param>
public sealed record StratumSummary(string Name, int Group, int? Label, int Rows, double Loss);
