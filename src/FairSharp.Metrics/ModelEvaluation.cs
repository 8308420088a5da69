namespace FairSharp.Metrics;

/// <summary>
/// Every metric of one evaluation: the metric-key table (<see cref="MetricKeys.All"/>), per-group rows, degeneracy flags and
/// the definitions needed to read the numbers. Values are fractions (never percent).
/// </summary>
/// <param name="Metrics">Every <see cref="MetricKeys.All"/> key → value. Values lie in [0, 1] except equalized_odds_sum and
/// eo_score_gap (sums of two gaps, in [0, 2]). NaN only where undefined: roc_auc with one class; average_precision without
/// positives; abroca when a group lacks a class or fewer than two groups have rows; a ratio whose max (or overall) is 0;
/// any group aggregate when no group has the needed rows. Ranking keys are NaN when <see cref="EvaluationOptions.RankingMetrics"/> is off.</param>
/// <param name="ByGroup">Group name → <see cref="GroupMetricKeys"/> key → value; a group without rows has count 0 and NaN rates.</param>
/// <param name="Overall">The same <see cref="GroupMetricKeys"/> on all rows.</param>
/// <param name="Degenerate">Reasons why the numbers may look fairer than they are (collapsed predictions, empty groups or cells);
/// empty when none.</param>
/// <param name="EmptyGroups">Groups without rows: reported, skipped by every aggregate.</param>
/// <param name="Threshold">The decision threshold.</param>
/// <param name="Comparison">How the threshold was applied.</param>
/// <param name="Definitions">Key → the form of its number (formula, source, method, aggregation, threshold).</param>
/// <param name="Intervals">Key → bootstrap quantiles (<see cref="CiQuantiles"/>); empty without bootstrap.</param>
/// <param name="CiQuantiles">The quantiles of <paramref name="Intervals"/>; empty without bootstrap.</param>
public sealed record ModelEvaluation(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByGroup,
    IReadOnlyDictionary<string, double> Overall,
    IReadOnlyList<string> Degenerate,
    IReadOnlyList<string> EmptyGroups,
    double Threshold,
    ThresholdComparison Comparison,
    IReadOnlyDictionary<string, string> Definitions,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Intervals,
    IReadOnlyList<double> CiQuantiles)
{
    /// <summary>True when <see cref="Degenerate"/> lists at least one reason.</summary>
    public bool IsDegenerate => Degenerate.Count > 0;

    /// <summary>The comparison as text, e.g. <c>score &gt;= 0.5</c>.</summary>
    public string ComparisonText => MetricDefinitions.ComparisonText(Threshold, Comparison);

    /// <summary>The value of one key of <see cref="Metrics"/>.</summary>
    public double this[string key] => Metrics[key];
}
