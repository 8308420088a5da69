using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>Gradient reversal: identity in the forward pass, gradient multiplied by −1 in the backward pass.</summary>
public static class GradientReversal
{
    /// <summary>Returns 2·sg(h) − h: its value is exactly h (2h − h is exact in floating point) and its gradient
    /// with respect to h is −1.</summary>
    public static Tensor Apply(Tensor h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return h.detach().Times(2) - h;
    }
}
