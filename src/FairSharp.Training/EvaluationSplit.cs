using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>A split the loop evaluates: its model inputs (raw rows or cached representations), labels and groups.</summary>
internal sealed record EvaluationSplit(string Name, Tensor Inputs, int[] Labels, int[] Groups);
