using static TorchSharp.torch;

namespace FairSharp.Training.Rationale;

/// <summary>One stratum's mean task loss, as the GGPA term takes it.</summary>
/// <param name="Group">Group index.</param>
/// <param name="Label">Label of the cell (EO mode), or null for a whole group (DP mode).</param>
/// <param name="Loss">Mean BCE of the stratum's rows (0-d tensor with its graph).</param>
public sealed record StratumLoss(int Group, int? Label, Tensor Loss);
