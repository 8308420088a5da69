using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// The fine-tuning loss of TFS and FDR on one logit z per row (P(y = 1) = sigmoid(z)):
/// <list type="bullet">
/// <item><c>eo</c>: NLL + α·(FPRgap + FNRgap), the <see cref="EoSurrogate"/>;</item>
/// <item><c>ae</c>: NLL + α·|NLL(a = 1) − NLL(a = 0)|;</item>
/// <item><c>mmf</c>: max over the four (y, a) cells of the cell NLL (the whole loss; α unused).</item>
/// </list>
/// NLL is the mean of −log P(y_i) weighted by the row's class weight: Σ w_{y_i} ℓ_i / Σ w_{y_i}, PyTorch's
/// <c>NLLLoss(weight)</c> (unit weights for TFS; FDR's w_c = max_c' n_c' / n_c). A subset NLL over no rows is 0 (the
/// released AE code would give NaN; its MMF code gives 0).
/// </summary>
/// <remarks>
/// One-logit equivalence: the TFS code has two logits (l₀, l₁) and softmax; with z = l₁ − l₀, softmax(l)₁ = sigmoid(z)
/// and NLL(log_softmax(l), y) = BCE-with-logits(z, y), so every term here equals the released one on the same
/// classifier. A two-logit head (w₀, b₀; w₁, b₁) is the one-logit head (w₁ − w₀, b₁ − b₀).
/// </remarks>
/// <param name="constraint">The fairness term.</param>
/// <param name="alpha">Weight α of the fairness term (TFS: 20); ≥ 0.</param>
/// <param name="classWeights">Weights (w₀, w₁) of the two classes in the NLL, or null for 1 and 1.</param>
public sealed class StitchLoss(StitchConstraint constraint, double alpha, (double Negative, double Positive)? classWeights = null) : IStitchObjective
{
    /// <summary>Diagnostic key of the NLL.</summary>
    public const string NllKey = "nll";

    /// <summary>Diagnostic key of the fairness term (before α).</summary>
    public const string FairnessKey = "fairness";

    /// <summary>The fairness term.</summary>
    public StitchConstraint Constraint => constraint;

    /// <summary>Weight α of the fairness term.</summary>
    public double Alpha => alpha;

    /// <summary>Class weights of the NLL (1, 1 when unweighted).</summary>
    public (double Negative, double Positive) ClassWeights => classWeights ?? (1.0, 1.0);

    /// <summary>The loss of one batch.</summary>
    /// <param name="logits">One logit per row, shape [N].</param>
    /// <param name="y">Labels as 0/1 floats, shape [N].</param>
    /// <param name="a">Sensitive attribute as 0/1 floats (group index), shape [N].</param>
    public StitchLossValue Compute(Tensor logits, Tensor y, Tensor a)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(a);
        using var scope = NewDisposeScope();
        var perRow = nn.functional.binary_cross_entropy_with_logits(logits, y, reduction: nn.Reduction.None);
        var (w0, w1) = ClassWeights;
        var weight = y.Times(w1 - w0).Plus(w0);
        var nll = Mean(perRow, weight, null);
        Tensor loss;
        Tensor fairness;
        switch (constraint)
        {
            case StitchConstraint.EqualizedOdds:
                fairness = EoSurrogate.Compute(sigmoid(logits), y, a);
                loss = nll.Plus(fairness.Times(alpha));
                break;
            case StitchConstraint.AccuracyEquality:
                fairness = (Mean(perRow, weight, a) - Mean(perRow, weight, a.SubtractedFrom(1))).abs();
                loss = nll.Plus(fairness.Times(alpha));
                break;
            default:
                var cells = new[]
                {
                    Mean(perRow, weight, y * a),
                    Mean(perRow, weight, y.SubtractedFrom(1) * a.SubtractedFrom(1)),
                    Mean(perRow, weight, y.SubtractedFrom(1) * a),
                    Mean(perRow, weight, y * a.SubtractedFrom(1)),
                };
                fairness = stack(cells).amax(0L);
                loss = fairness;
                break;
        }

        return new StitchLossValue(loss.MoveToOuterDisposeScope(), nll.MoveToOuterDisposeScope(), fairness.MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public ObjectiveStep Step(FeatureClassifier model, Tensor logits, Tensor y, Tensor a)
    {
        var value = Compute(logits, y, a);
        return new ObjectiveStep(value.Loss, new Dictionary<string, double>
        {
            [NllKey] = value.Nll.ToDouble(),
            [FairnessKey] = value.Fairness.ToDouble(),
        });
    }

    /// <summary>Σ mask·w·ℓ / Σ mask·w over the rows of <paramref name="mask"/> (all rows when null); 0 without rows.</summary>
    private static Tensor Mean(Tensor perRow, Tensor weight, Tensor? mask)
    {
        var w = mask is null ? weight : weight * mask;
        var total = w.sum();
        var mean = (w * perRow).sum() / total.ClampMin(1e-30);
        return where(total.Gt(0), mean, zeros_like(mean));
    }
}
