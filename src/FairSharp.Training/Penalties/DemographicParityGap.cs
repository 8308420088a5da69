using static TorchSharp.torch;

namespace FairSharp.Training.Penalties;

/// <summary>DP gap (FFB DiffDP, Fair Mixup GapReg-DP): |E[p | s = 0] − E[p | s = 1]| on the batch; for more than two
/// groups, max_g E[p | g] − min_g E[p | g].</summary>
/// <param name="groupCount">Number of groups G.</param>
public sealed class DemographicParityGap(int groupCount) : IFairnessPenalty
{
    /// <inheritdoc />
    public string Name => "dp_gap";

    /// <inheritdoc />
    public Tensor Compute(Tensor scores, Tensor labels, Tensor groups) => GroupGap.Compute(scores, groups, groupCount, null);
}
