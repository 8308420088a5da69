using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>The fine-tuning loss of one batch and its parts.</summary>
/// <param name="Loss">The scalar to back-propagate.</param>
/// <param name="Nll">The (class-weighted for FDR) NLL of the whole batch.</param>
/// <param name="Fairness">The fairness term before α (EO surrogate, AE gap, or the MMF maximum).</param>
public sealed record StitchLossValue(Tensor Loss, Tensor Nll, Tensor Fairness);
