using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// The equalized-odds surrogate of the TFS / Fairness-Finetuning code (<c>eo_constraint</c>), on one batch, with
/// p = P(y = 1 | x), y ∈ {0, 1}, a ∈ {0, 1} and ε = 1e−5 added to each denominator:
/// <code>
/// FPRgap = | Σ p(1−y)a / (Σa + ε) − Σ p(1−y)(1−a) / (Σ(1−a) + ε) |
/// FNRgap = | Σ (1−p)y a / (Σa + ε) − Σ (1−p)y(1−a) / (Σ(1−a) + ε) |
/// </code>
/// The denominators are group sizes, not group-and-class sizes: the terms are the joint soft rates P(ŷ=1, y=0 | a) and
/// P(ŷ=0, y=1 | a). An empty group contributes 0 to its side. With one row per batch the penalty is ≈ 1 − p_correct,
/// an accuracy term (tfs.md §4).
/// </summary>
public static class EoSurrogate
{
    /// <summary>ε added to each group-size denominator, as in the released code.</summary>
    public const double Epsilon = 1e-5;

    /// <summary>The two gaps (soft FPR gap, soft FNR gap) as 0-d tensors that back-propagate to <paramref name="p"/>.</summary>
    /// <param name="p">Probabilities P(y = 1), shape [N].</param>
    /// <param name="y">Labels as 0/1 floats, shape [N].</param>
    /// <param name="a">Sensitive attribute as 0/1 floats, shape [N].</param>
    public static (Tensor Fpr, Tensor Fnr) Gaps(Tensor p, Tensor y, Tensor a)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(a);
        using var scope = NewDisposeScope();
        var notA = a.SubtractedFrom(1);
        var sizeA = a.sum().Plus(Epsilon);
        var sizeNotA = notA.sum().Plus(Epsilon);
        var falsePositive = p * y.SubtractedFrom(1);
        var falseNegative = p.SubtractedFrom(1) * y;
        var fpr = ((falsePositive * a).sum() / sizeA - (falsePositive * notA).sum() / sizeNotA).abs();
        var fnr = ((falseNegative * a).sum() / sizeA - (falseNegative * notA).sum() / sizeNotA).abs();
        return (fpr.MoveToOuterDisposeScope(), fnr.MoveToOuterDisposeScope());
    }

    /// <summary>L_fair = FPRgap + FNRgap (see <see cref="Gaps"/>), a 0-d tensor.</summary>
    public static Tensor Compute(Tensor p, Tensor y, Tensor a)
    {
        using var scope = NewDisposeScope();
        var (fpr, fnr) = Gaps(p, y, a);
        return fpr.Plus(fnr).MoveToOuterDisposeScope();
    }
}
