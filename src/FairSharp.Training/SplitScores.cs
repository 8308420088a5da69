using FairSharp.Metrics;

namespace FairSharp.Training;

/// <summary>A model's scores on one split and the split's mean negative log-likelihood, from one of its two outputs:
/// probabilities (a <see cref="Models.FairNetwork"/>: sigmoid in float32, torch's BCELoss with its log clamp) or logits
/// (a <see cref="Stitching.FeatureClassifier"/>: sigmoid in double, NLL as softplus of the logit). The two forms are kept
/// so that each method's reported numbers stay bit for bit what they were.</summary>
/// <param name="Scores">P(y = 1) per row.</param>
/// <param name="Loss">Mean NLL of the labels.</param>
public sealed record SplitScores(double[] Scores, double Loss)
{
    /// <summary>Metric key of the split's mean NLL in every epoch record.</summary>
    public const string LossKey = "loss";

    /// <summary>True when every score is a finite number.</summary>
    public bool Finite => Scores.All(double.IsFinite);

    /// <summary>From probabilities: the NLL as torch's <c>BCELoss</c> computes it (log clamped at −100). Stops at the
    /// first non-finite score (the result is then not <see cref="Finite"/>).</summary>
    public static SplitScores FromProbabilities(float[] probabilities, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var scores = new double[probabilities.Length];
        double loss = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var p = (double)probabilities[i];
            scores[i] = p;
            if (!double.IsFinite(p))
            {
                return new SplitScores(scores, double.NaN);
            }

            loss -= labels[i] == 1 ? Math.Max(Math.Log(p), -100) : Math.Max(Math.Log(1 - p), -100);
        }

        return new SplitScores(scores, loss / Math.Max(scores.Length, 1));
    }

    /// <summary>From logits z: p = sigmoid(z) in double and NLL = softplus(−z) for y = 1, softplus(z) for y = 0.</summary>
    public static SplitScores FromLogits(float[] logits, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var scores = new double[logits.Length];
        double nll = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var z = (double)logits[i];
            scores[i] = 1.0 / (1.0 + Math.Exp(-z));
            nll += labels[i] == 1 ? Softplus(-z) : Softplus(z);
        }

        return new SplitScores(scores, nll / Math.Max(1, logits.Length));
    }

    /// <summary>The one evaluation of every run: every <see cref="MetricKeys.All"/> key of the scores (sorted by key) plus
    /// <c>loss</c>, the mean NLL.</summary>
    /// <param name="labels">Labels per row.</param>
    /// <param name="groups">Group index per row.</param>
    /// <param name="groupNames">Group names (index = group).</param>
    /// <param name="options">Threshold and comparison of the thresholded metrics.</param>
    public (ModelEvaluation Evaluation, IReadOnlyDictionary<string, double> Metrics) Evaluate(int[] labels, int[] groups,
        IReadOnlyList<string> groupNames, EvaluationOptions options)
    {
        var evaluation = ModelEvaluator.Evaluate(labels, Scores, groups, groupNames, options);
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in MetricKeys.All)
        {
            metrics[key] = evaluation.Metrics[key];
        }

        metrics[LossKey] = Loss;
        return (evaluation, metrics);
    }

    private static double Softplus(double z) => z > 30 ? z : double.LogP1(Math.Exp(z));
}
