using static TorchSharp.torch;

namespace FairSharp.Training.Rationale;

/// <summary>The rows of one stratum (a group, or a (group, label) cell) given to the probe as tensors.</summary>
/// <param name="Name">Readable name of the stratum (e.g. <c>Female</c>, <c>Female|y=1</c>).</param>
/// <param name="Group">Group index.</param>
/// <param name="Label">Label of the cell, or null for a whole group.</param>
/// <param name="X">Inputs, [n, …sample shape], on the model's device and dtype.</param>
/// <param name="Y">Targets as 0/1 of the model's dtype, [n].</param>
public sealed record RationaleBatch(string Name, int Group, int? Label, Tensor X, Tensor Y);
