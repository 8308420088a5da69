using static TorchSharp.torch;

namespace FairSharp.Training.Penalties;

/// <summary>HSIC between the scores and the group (FFB <c>HSIC</c>): K_ij = exp(−(p_i − p_j)² / σ_x),
/// L_ij = exp(−d(s_i, s_j) / σ_y) with d = 0 for the same group and 1 otherwise (= (s_i − s_j)² for binary s),
/// H = I − 11ᵀ/m, HSIC = trace(L H K H) / (m − 1)². Computed in O(m²) as Σ_ij L_ij (HKH)_ij; device-agnostic.</summary>
/// <param name="sigmaX">Kernel width of the scores (FFB: 1; divides the squared distance, not 2σ²).</param>
/// <param name="sigmaY">Kernel width of the group (FFB: 1).</param>
public sealed class HsicPenalty(double sigmaX = 1.0, double sigmaY = 1.0) : IFairnessPenalty
{
    /// <inheritdoc />
    public string Name => "hsic";

    /// <inheritdoc />
    public Tensor Compute(Tensor scores, Tensor labels, Tensor groups)
    {
        using var scope = NewDisposeScope();
        var m = scores.shape[0];
        if (m < 2)
        {
            return zeros([], dtype: scores.dtype, device: scores.device).MoveToOuterDisposeScope();
        }

        var p = scores.reshape(-1);
        var k = (p.unsqueeze(1) - p.unsqueeze(0)).Squared().neg().DividedBy(sigmaX).exp();
        var different = groups.unsqueeze(1).ne(groups.unsqueeze(0)).to(scores.dtype);
        var l = different.neg().DividedBy(sigmaY).exp();
        var centered = (k - k.mean([0L], keepdim: true) - k.mean([1L], keepdim: true)).Plus(k.mean());
        var hsic = (l * centered).sum().DividedBy((m - 1.0) * (m - 1.0));
        return hsic.MoveToOuterDisposeScope();
    }
}
