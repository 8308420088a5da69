using System.Globalization;

namespace FairSharp.Metrics;

/// <summary>Human-readable definitions of every key: which form each number uses (fairlearn, FFB, Fair Mixup, TFS).</summary>
public static class MetricDefinitions
{
    /// <summary>The comparison as text, e.g. <c>score &gt;= 0.5</c>.</summary>
    public static string ComparisonText(double threshold, ThresholdComparison comparison) =>
        string.Create(CultureInfo.InvariantCulture, $"score {(comparison == ThresholdComparison.Greater ? ">" : ">=")} {threshold}");

    /// <summary>Key → definition for every <see cref="MetricKeys.All"/> key, stating the threshold and comparison.</summary>
    public static IReadOnlyDictionary<string, string> For(double threshold, ThresholdComparison comparison)
    {
        var yhat = $"ŷ = [{ComparisonText(threshold, comparison)}]";
        const string between = "method=between_groups";
        const string toOverall = "method=to_overall";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetricKeys.Accuracy] = $"sklearn accuracy_score: Σw·[ŷ=y]/Σw; {yhat}",
            [MetricKeys.BalancedAccuracy] = $"sklearn balanced_accuracy_score: (TPR+TNR)/2 (mean recall over classes present); {yhat}",
            [MetricKeys.AveragePrecision] = "sklearn average_precision_score on scores: Σ(R_n−R_{n−1})·P_n, no interpolation",
            [MetricKeys.RocAuc] = "sklearn roc_auc_score on scores: trapezoidal ROC area, ties count 1/2",
            [MetricKeys.SelectionRate] = $"overall P(ŷ=1); {yhat}",
            [MetricKeys.TruePositiveRate] = $"overall TP/(TP+FN), 0 when 0/0 (fairlearn); {yhat}",
            [MetricKeys.FalsePositiveRate] = $"overall FP/(FP+TN), 0 when 0/0 (fairlearn); {yhat}",
            [MetricKeys.DemographicParityDifference] = $"fairlearn demographic_parity_difference, {between}: max_g SR_g − min_g SR_g; {yhat}",
            [MetricKeys.DemographicParityRatio] = $"fairlearn demographic_parity_ratio, {between}: min_g SR_g / max_g SR_g; {yhat}",
            [MetricKeys.EqualizedOddsDifference] = $"fairlearn equalized_odds_difference, {between}, agg=worst_case: max(ΔTPR, ΔFPR); {yhat}",
            [MetricKeys.EqualizedOddsRatio] = $"fairlearn equalized_odds_ratio, {between}, agg=worst_case: min(TPR ratio, FPR ratio); {yhat}",
            [MetricKeys.EqualizedOddsDifferenceMean] = $"fairlearn equalized_odds_difference, {between}, agg=mean: (ΔTPR + ΔFPR)/2; {yhat}",
            [MetricKeys.EqualOpportunityDifference] = $"fairlearn equal_opportunity_difference, {between}: ΔTPR; {yhat}",
            [MetricKeys.EqualOpportunityRatio] = $"fairlearn equal_opportunity_ratio, {between}: min_g TPR_g / max_g TPR_g; {yhat}",
            [MetricKeys.DemographicParityDifferenceToOverall] = $"fairlearn demographic_parity_difference, {toOverall}: max_g |SR_g − SR|; {yhat}",
            [MetricKeys.DemographicParityRatioToOverall] = $"fairlearn demographic_parity_ratio, {toOverall}: min_g min(SR_g/SR, SR/SR_g); {yhat}",
            [MetricKeys.EqualizedOddsDifferenceToOverall] = $"fairlearn equalized_odds_difference, {toOverall}, agg=worst_case; {yhat}",
            [MetricKeys.EqualizedOddsRatioToOverall] = $"fairlearn equalized_odds_ratio, {toOverall}, agg=worst_case; {yhat}",
            [MetricKeys.EqualizedOddsDifferenceMeanToOverall] = $"fairlearn equalized_odds_difference, {toOverall}, agg=mean; {yhat}",
            [MetricKeys.EqualOpportunityDifferenceToOverall] = $"fairlearn equal_opportunity_difference, {toOverall}; {yhat}",
            [MetricKeys.EqualOpportunityRatioToOverall] = $"fairlearn equal_opportunity_ratio, {toOverall}; {yhat}",
            [MetricKeys.EqualizedOddsSum] = $"FFB eodd / Fair Mixup ΔEO@t: (max−min TPR) + (max−min FPR), a sum in [0,2], not fairlearn's max; {yhat}",
            [MetricKeys.DpScoreGap] = "Fair Mixup / FAIRER ΔDP on probabilities: max_g E[p|g] − min_g E[p|g] (no threshold)",
            [MetricKeys.EoScoreGap] = "Fair Mixup / FAIRER ΔEO on probabilities: Σ_{y∈{0,1}} (max_g E[p|g,y] − min_g E[p|g,y]), in [0,2] (no threshold)",
            [MetricKeys.AccuracyEqualityDifference] = $"TFS AED: max_g acc_g − min_g acc_g (= |Δ error rate| for two groups); {yhat}",
            [MetricKeys.WorstGroupAccuracy] = $"TFS MMF: min over non-empty (y, group) cells of the cell accuracy; {yhat}",
            [MetricKeys.Abroca] = "TFS ABROCA on scores: ∫₀¹|TPR_a(f) − TPR_b(f)|df, per-group ROC interpolated on a 10,000-point FPR grid; largest pair when more than two groups",
        };
    }
}
