namespace FairSharp.Metrics;

/// <summary>Keys of the per-group (and overall) rows of a <see cref="ModelEvaluation"/>.</summary>
public static class GroupMetricKeys
{
    /// <summary>Number of rows.</summary>
    public const string Count = "count";

    /// <summary>Σ w over the rows (equals <see cref="Count"/> without weights).</summary>
    public const string Weight = "weight";

    /// <summary>Number of rows with y = 1.</summary>
    public const string Positives = "positives";

    /// <summary>Number of rows with y = 0.</summary>
    public const string Negatives = "negatives";

    /// <summary>Accuracy Σ w·[ŷ = y] / Σ w.</summary>
    public const string Accuracy = MetricKeys.Accuracy;

    /// <summary>Balanced accuracy (mean recall over the classes present).</summary>
    public const string BalancedAccuracy = MetricKeys.BalancedAccuracy;

    /// <summary>Selection rate Σ w·[ŷ = 1] / Σ w.</summary>
    public const string SelectionRate = MetricKeys.SelectionRate;

    /// <summary>TP / (TP + FN), 0 when 0/0.</summary>
    public const string TruePositiveRate = MetricKeys.TruePositiveRate;

    /// <summary>FP / (FP + TN), 0 when 0/0.</summary>
    public const string FalsePositiveRate = MetricKeys.FalsePositiveRate;

    /// <summary>TN / (TN + FP), 0 when 0/0.</summary>
    public const string TrueNegativeRate = "true_negative_rate";

    /// <summary>FN / (FN + TP), 0 when 0/0.</summary>
    public const string FalseNegativeRate = "false_negative_rate";

    /// <summary>Weighted mean score E[p].</summary>
    public const string MeanScore = "mean_score";

    /// <summary>Every per-group key, in output order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Count, Weight, Positives, Negatives, Accuracy, BalancedAccuracy, SelectionRate,
        TruePositiveRate, FalsePositiveRate, TrueNegativeRate, FalseNegativeRate, MeanScore,
    ];
}
