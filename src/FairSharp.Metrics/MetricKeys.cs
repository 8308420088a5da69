namespace FairSharp.Metrics;

/// <summary>
/// The metric keys of the ARCHITECTURE.md metric table: the snake_case names used in every JSON result,
/// fairlearn's own names where fairlearn has the metric. One constant per key; <see cref="All"/> lists them in table order.
/// </summary>
public static class MetricKeys
{
    /// <summary>Accuracy: Σ w·[ŷ = y] / Σ w (sklearn <c>accuracy_score</c>).</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Balanced accuracy: the mean of the per-class recalls over the classes present in y (sklearn), = ½(TPR + TNR) when both are present.</summary>
    public const string BalancedAccuracy = "balanced_accuracy";

    /// <summary>Average precision on the scores: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over descending distinct thresholds (sklearn, no interpolation).</summary>
    public const string AveragePrecision = "average_precision";

    /// <summary>Area under the ROC curve of the scores, ties counted as sklearn's trapezoid (½ per tied pair).</summary>
    public const string RocAuc = "roc_auc";

    /// <summary>Overall selection rate Σ w·[ŷ = 1] / Σ w.</summary>
    public const string SelectionRate = "selection_rate";

    /// <summary>Overall true positive rate TP / (TP + FN), 0 when there are no positives (fairlearn).</summary>
    public const string TruePositiveRate = "true_positive_rate";

    /// <summary>Overall false positive rate FP / (FP + TN), 0 when there are no negatives (fairlearn).</summary>
    public const string FalsePositiveRate = "false_positive_rate";

    /// <summary>fairlearn <c>demographic_parity_difference</c>: max_g SR_g − min_g SR_g (between_groups).</summary>
    public const string DemographicParityDifference = "demographic_parity_difference";

    /// <summary>fairlearn <c>demographic_parity_ratio</c>: min_g SR_g / max_g SR_g (between_groups).</summary>
    public const string DemographicParityRatio = "demographic_parity_ratio";

    /// <summary>fairlearn <c>equalized_odds_difference</c>, agg = worst_case: max(ΔTPR, ΔFPR), each max − min over groups.</summary>
    public const string EqualizedOddsDifference = "equalized_odds_difference";

    /// <summary>fairlearn <c>equalized_odds_ratio</c>, agg = worst_case: min(TPR ratio, FPR ratio), each min / max over groups.</summary>
    public const string EqualizedOddsRatio = "equalized_odds_ratio";

    /// <summary>fairlearn <c>equalized_odds_difference</c>, agg = mean: (ΔTPR + ΔFPR) / 2.</summary>
    public const string EqualizedOddsDifferenceMean = "equalized_odds_difference_mean";

    /// <summary>fairlearn <c>equal_opportunity_difference</c>: ΔTPR = max_g TPR_g − min_g TPR_g.</summary>
    public const string EqualOpportunityDifference = "equal_opportunity_difference";

    /// <summary>fairlearn <c>equal_opportunity_ratio</c>: min_g TPR_g / max_g TPR_g.</summary>
    public const string EqualOpportunityRatio = "equal_opportunity_ratio";

    /// <summary><see cref="DemographicParityDifference"/> with method = to_overall: max_g |SR_g − SR|.</summary>
    public const string DemographicParityDifferenceToOverall = "demographic_parity_difference_to_overall";

    /// <summary><see cref="DemographicParityRatio"/> with method = to_overall: min_g min(SR_g / SR, SR / SR_g).</summary>
    public const string DemographicParityRatioToOverall = "demographic_parity_ratio_to_overall";

    /// <summary><see cref="EqualizedOddsDifference"/> with method = to_overall.</summary>
    public const string EqualizedOddsDifferenceToOverall = "equalized_odds_difference_to_overall";

    /// <summary><see cref="EqualizedOddsRatio"/> with method = to_overall.</summary>
    public const string EqualizedOddsRatioToOverall = "equalized_odds_ratio_to_overall";

    /// <summary><see cref="EqualizedOddsDifferenceMean"/> with method = to_overall.</summary>
    public const string EqualizedOddsDifferenceMeanToOverall = "equalized_odds_difference_mean_to_overall";

    /// <summary><see cref="EqualOpportunityDifference"/> with method = to_overall.</summary>
    public const string EqualOpportunityDifferenceToOverall = "equal_opportunity_difference_to_overall";

    /// <summary><see cref="EqualOpportunityRatio"/> with method = to_overall.</summary>
    public const string EqualOpportunityRatioToOverall = "equal_opportunity_ratio_to_overall";

    /// <summary>FFB / Fair Mixup thresholded EO: (max − min of TPR) + (max − min of FPR), in [0, 2].</summary>
    public const string EqualizedOddsSum = "equalized_odds_sum";

    /// <summary>Fair Mixup / FAIRER ΔDP on probabilities: max_g E[p | g] − min_g E[p | g].</summary>
    public const string DpScoreGap = "dp_score_gap";

    /// <summary>Fair Mixup / FAIRER ΔEO on probabilities: Σ_{y∈{0,1}} (max_g E[p | g, y] − min_g E[p | g, y]), in [0, 2].</summary>
    public const string EoScoreGap = "eo_score_gap";

    /// <summary>TFS accuracy-equality difference: max_g acc_g − min_g acc_g (= |Δ error rate| for two groups).</summary>
    public const string AccuracyEqualityDifference = "accuracy_equality_difference";

    /// <summary>TFS max-min fairness: min over non-empty (y, group) cells of the cell accuracy.</summary>
    public const string WorstGroupAccuracy = "worst_group_accuracy";

    /// <summary>TFS ABROCA: ∫₀¹ |TPR_a(f) − TPR_b(f)| df on a 10,000-point FPR grid; with more than two groups the largest pairwise value.</summary>
    public const string Abroca = "abroca";

    /// <summary>Every key of the metric table, in table order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Accuracy, BalancedAccuracy, AveragePrecision, RocAuc,
        SelectionRate, TruePositiveRate, FalsePositiveRate,
        DemographicParityDifference, DemographicParityRatio,
        EqualizedOddsDifference, EqualizedOddsRatio, EqualizedOddsDifferenceMean,
        EqualOpportunityDifference, EqualOpportunityRatio,
        DemographicParityDifferenceToOverall, DemographicParityRatioToOverall,
        EqualizedOddsDifferenceToOverall, EqualizedOddsRatioToOverall, EqualizedOddsDifferenceMeanToOverall,
        EqualOpportunityDifferenceToOverall, EqualOpportunityRatioToOverall,
        EqualizedOddsSum, DpScoreGap, EoScoreGap,
        AccuracyEqualityDifference, WorstGroupAccuracy, Abroca,
    ];
}
