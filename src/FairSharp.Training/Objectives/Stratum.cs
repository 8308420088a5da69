using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>The rows of a batch that belong to one group (and, for per-(group, label) strata, one label).</summary>
/// <param name="Group">Group index.</param>
/// <param name="Label">Label of the cell, or null for a whole group.</param>
/// <param name="Positions">Positions of the rows within the batch (int64, on the batch's device).</param>
/// <param name="Count">Number of rows.</param>
public sealed record Stratum(int Group, int? Label, Tensor Positions, int Count);
