using static TorchSharp.torch;

namespace FairSharp.Training.Penalties;

/// <summary>EOpp gap (FFB DiffEOpp): |E[p | s = 0, y = 1] − E[p | s = 1, y = 1]| (max − min over groups for more than two).</summary>
/// <param name="groupCount">Number of groups G.</param>
public sealed class EqualOpportunityGap(int groupCount) : IFairnessPenalty
{
    /// <inheritdoc />
    public string Name => "eopp_gap";

    /// <inheritdoc />
    public Tensor Compute(Tensor scores, Tensor labels, Tensor groups)
    {
        using var scope = NewDisposeScope();
        return GroupGap.Compute(scores, groups, groupCount, labels.Gt(0.5)).MoveToOuterDisposeScope();
    }
}
