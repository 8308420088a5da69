using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Penalties;

/// <summary>Kamishima's prejudice index as in FFB's <c>PRLoss</c>, a SUM over the batch:
/// PI = Σ_g Σ_{i∈g} [ p_i·log(P(y=1|g) / P(y=1)) + (1 − p_i)·log(P(y=0|g) / P(y=0)) ], with P(y=1|g) the mean score of
/// group g and P(y=1) the batch mean. Means are clamped to [1e−6, 1 − 1e−6] so a saturated group never gives NaN;
/// an absent group contributes 0.</summary>
/// <param name="groupCount">Number of groups G.</param>
public sealed class PrejudiceRemoverPenalty(int groupCount) : IFairnessPenalty
{
    private const double Epsilon = 1e-6;

    /// <inheritdoc />
    public string Name => "prejudice_index";

    /// <inheritdoc />
    public Tensor Compute(Tensor scores, Tensor labels, Tensor groups)
    {
        using var scope = NewDisposeScope();
        var members = nn.functional.one_hot(groups, groupCount).to(scores.dtype);
        var counts = members.sum(dim: 0);
        var sums = scores.unsqueeze(0).matmul(members).squeeze(0);
        var overall = scores.mean().Clamp(Epsilon, 1 - Epsilon);
        var byGroup = where(counts.Gt(0), sums / counts.ClampMin(1), overall).Clamp(Epsilon, 1 - Epsilon);
        var positive = sums * (byGroup.log() - overall.log());
        var negative = (counts - sums) * (byGroup.SubtractedFrom(1).log() - overall.SubtractedFrom(1).log());
        return positive.Plus(negative).sum().MoveToOuterDisposeScope();
    }
}
