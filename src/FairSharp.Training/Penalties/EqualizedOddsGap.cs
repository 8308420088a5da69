using static TorchSharp.torch;

namespace FairSharp.Training.Penalties;

/// <summary>EO gap (FFB DiffEOdd, Fair Mixup GapReg-EO), summed over the labels:
/// Σ_{y∈{0,1}} |E[p | s = 0, y] − E[p | s = 1, y]| (max − min over groups for more than two).</summary>
/// <param name="groupCount">Number of groups G.</param>
public sealed class EqualizedOddsGap(int groupCount) : IFairnessPenalty
{
    /// <inheritdoc />
    public string Name => "eo_gap";

    /// <inheritdoc />
    public Tensor Compute(Tensor scores, Tensor labels, Tensor groups)
    {
        using var scope = NewDisposeScope();
        var positives = labels.Gt(0.5);
        var gap = GroupGap.Compute(scores, groups, groupCount, positives)
            .Plus(GroupGap.Compute(scores, groups, groupCount, positives.logical_not()));
        return gap.MoveToOuterDisposeScope();
    }
}
