using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// Direct matching (Csiszárik et al. 2021): the affine map M, b minimising Σ ‖M·s + b − t‖² over the rows (and, for a
/// convolutional representation, every spatial position), solved in float64 by <c>torch.linalg.lstsq</c> on [S, 1].
/// For a self-stitch (t = s) the solution reproduces the representation: the identity when S has full column rank,
/// the minimum-norm equivalent on dead (all-zero) units otherwise.
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
        var design = cat([s, ones(s.shape[0], 1, dtype: float64, device: s.device)], 1);
        var (solution, _, _, _) = linalg.lstsq(design, t);
        var channels = s.shape[1];
        var matrix = solution.narrow(0, 0, channels).t().contiguous().to(float32);
        var bias = solution[channels].contiguous().to(float32);
        return (matrix.MoveToOuterDisposeScope(), bias.MoveToOuterDisposeScope());
    }

    /// <summary>Rows × channels: [N, d] as is, [N, C, H, W] as [N·H·W, C].</summary>
    private static Tensor ChannelsLast(Tensor x) =>
        x.dim() == 2 ? x : x.permute(0, 2, 3, 1).reshape(-1, x.shape[1]);
}
