namespace FairSharp.Experiments.Analysis;

/// <summary>Display names and definitions of the metric keys a sweep report may show.</summary>
public static class MetricText
{
    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["accuracy"] = "fraction of test rows with ŷ = y, where ŷ = [score ≥ 0.5]",
        ["balanced_accuracy"] = "(TPR + TNR) / 2 on the test set, ŷ = [score ≥ 0.5]",
        ["average_precision"] = "sklearn's average precision of the scores: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over descending thresholds",
        ["roc_auc"] = "area under the ROC curve of the scores (ties as sklearn)",
        ["demographic_parity_difference"] = "fairlearn: max − min over groups of the selection rate P(ŷ = 1 | group)",
        ["demographic_parity_ratio"] = "fairlearn: min / max over groups of the selection rate",
        ["equalized_odds_difference"] = "fairlearn, worst case: max(ΔTPR, ΔFPR), each Δ = max − min over groups",
        ["equalized_odds_difference_mean"] = "fairlearn, mean: (ΔTPR + ΔFPR) / 2",
        ["equalized_odds_ratio"] = "fairlearn, worst case: min(TPR ratio, FPR ratio), each min / max over groups",
        ["equal_opportunity_difference"] = "fairlearn: ΔTPR = max − min over groups of P(ŷ = 1 | y = 1, group)",
        ["equal_opportunity_ratio"] = "fairlearn: min / max over groups of the TPR",
        ["equalized_odds_sum"] = "FFB / Fair Mixup: |ΔTPR| + |ΔFPR| (max − min over groups for each)",
        ["dp_score_gap"] = "Fair Mixup: max − min over groups of the mean score (no threshold)",
        ["eo_score_gap"] = "Fair Mixup: the score gap among y = 0 rows plus the score gap among y = 1 rows",
        ["accuracy_equality_difference"] = "max − min over groups of the accuracy",
        ["worst_group_accuracy"] = "lowest accuracy over the (y, group) cells",
        ["abroca"] = "area between the groups' ROC curves",
        ["selection_rate"] = "P(ŷ = 1)",
        ["true_positive_rate"] = "P(ŷ = 1 | y = 1)",
        ["false_positive_rate"] = "P(ŷ = 1 | y = 0)",
    };

    /// <summary>The key in words: underscores become spaces (<c>demographic_parity_difference</c> → <c>demographic parity difference</c>).</summary>
    public static string Name(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace('_', ' ');
    }

    /// <summary>The definition of a key, or null when the report does not know it.</summary>
    public static string? Definition(string key) => Definitions.GetValueOrDefault(key);

    /// <summary>True for keys where lower is better (differences, gaps, ABROCA).</summary>
    public static bool LowerIsBetter(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Contains("difference", StringComparison.Ordinal) || key.Contains("gap", StringComparison.Ordinal)
            || key.EndsWith("_sum", StringComparison.Ordinal) || key == "abroca";
    }
}
