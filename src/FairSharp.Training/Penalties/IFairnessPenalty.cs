using static TorchSharp.torch;

namespace FairSharp.Training.Penalties;

/// <summary>A differentiable fairness penalty on one batch: (scores, labels, groups) → scalar tensor ≥ 0.</summary>
/// <remarks>Scores are probabilities P(y = 1 | x) (sigmoid outputs), shape [N]; labels are 0/1 floats, shape [N];
/// groups are group indices 0..G−1 (int64), shape [N]. A group absent from the batch is skipped (never a NaN mean);
/// with fewer than two groups present the penalty is 0.</remarks>
public interface IFairnessPenalty
{
    /// <summary>Short name (<c>dp_gap</c>, <c>eo_gap</c>, <c>eopp_gap</c>, <c>hsic</c>, <c>prejudice_index</c>).</summary>
    string Name { get; }

    /// <summary>Computes the penalty; the result is a 0-d tensor that back-propagates to <paramref name="scores"/>.</summary>
    Tensor Compute(Tensor scores, Tensor labels, Tensor groups);
}
