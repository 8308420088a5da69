namespace FairSharp.Training.Stitching;

/// <summary>One (label, group) cell of a balanced fine-tuning set.</summary>
/// <param name="Label">y.</param>
/// <param name="Group">Group index.</param>
/// <param name="Available">Rows of that cell in the pool.</param>
/// <param name="Taken">Rows drawn (m).</param>
public sealed record BalancedCell(int Label, int Group, int Available, int Taken);
