using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Penalties;

/// <summary>The gap between the largest and the smallest per-group mean score among the groups present in a
/// (masked) batch: max_g m_g − min_g m_g, m_g = Σ_{i∈g} w_i p_i / Σ_{i∈g} w_i. For two groups this is |m_0 − m_1|.</summary>
internal static class GroupGap
{
    /// <summary>Gap of the group means of <paramref name="scores"/> over the rows where <paramref name="rowMask"/> is 1
    /// (all rows when null); 0 when fewer than two groups have rows.</summary>
    public static Tensor Compute(Tensor scores, Tensor groups, int groupCount, Tensor? rowMask)
    {
        using var scope = NewDisposeScope();
        var members = nn.functional.one_hot(groups, groupCount).to(scores.dtype);
        if (rowMask is not null)
        {
            members = members * rowMask.to(scores.dtype).unsqueeze(1);
        }

        var counts = members.sum(dim: 0);
        var present = counts.Gt(0);
        var means = scores.unsqueeze(0).matmul(members).squeeze(0) / counts.ClampMin(1);
        var high = where(present, means, ScalarMath.FullLike(means, double.NegativeInfinity)).amax(0L);
        var low = where(present, means, ScalarMath.FullLike(means, double.PositiveInfinity)).amin(0L);
        var gap = where(present.sum().Ge(2), high - low, zeros_like(high));
        return gap.MoveToOuterDisposeScope();
    }
}
