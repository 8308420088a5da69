using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// Direct matching (Csiszárik et al. 2021): the affine map M, b minimising Σ ‖M·s + b − t‖² over the rows (and, for a
/// convolutional representation, every spatial position), solved in float64 by <c>torch.linalg.lstsq</c> on [S, 1].
/// Among the minimisers it returns the one closest to the identity (M = I + Δ with the minimum-norm Δ solving
/// [S, 1]·Δ ≈ T − S), so directions the fitting rows do not span — e.g. units that are dead on every fitting row but
/// alive on others — pass through unchanged instead of being zeroed. For a self-stitch (t = s) this reproduces the
/// representation on every row, not only on the fitting rows.
/// </summary>
public static class LeastSquaresMap
{
    /// <summary>Fits the map from <paramref name="source"/> to <paramref name="target"/> (both [N, d] or [N, C, H, W]).</summary>
    /// <returns>M as [out = C, in = C] and b as [C], float32.</returns>
    public static (Tensor Matrix, Tensor Bias) Fit(Tensor source, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        var s = ChannelsLast(source).to(float64);
        var t = ChannelsLast(target).to(float64);
        var channels = s.shape[1];
        var design = cat([s, ones(s.shape[0], 1, dtype: float64, device: s.device)], 1);
        var (deviation, _, _, _) = linalg.lstsq(design, t - s);
        var matrix = deviation.narrow(0, 0, channels).t().Plus(eye(channels, dtype: float64, device: s.device)).contiguous().to(float32);
        var bias = deviation[channels].contiguous().to(float32);
        return (matrix.MoveToOuterDisposeScope(), bias.MoveToOuterDisposeScope());
    }

    /// <summary>Rows × channels: [N, d] as is, [N, C, H, W] as [N·H·W, C].</summary>
    private static Tensor ChannelsLast(Tensor x) =>
        x.dim() == 2 ? x : x.permute(0, 2, 3, 1).reshape(-1, x.shape[1]);
}
