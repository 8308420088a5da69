using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>The task loss every method shares: binary cross-entropy on logits (mean over the batch), the stable form of
/// FFB's / Fair Mixup's sigmoid + <c>BCELoss</c>.</summary>
public static class TaskLoss
{
    /// <summary>BCE(sigmoid(<paramref name="logits"/>), <paramref name="y"/>), averaged.</summary>
    public static Tensor Bce(Tensor logits, Tensor y) => nn.functional.binary_cross_entropy_with_logits(logits, y);
}
