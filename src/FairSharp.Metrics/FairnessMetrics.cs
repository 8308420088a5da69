namespace FairSharp.Metrics;

/// <summary>
/// fairlearn's named fairness metrics (<c>fairlearn.metrics._fairness_metrics</c>), each a thin composition over
/// <see cref="MetricFrame"/> exactly as fairlearn writes it. Predictions are hard labels; nothing is thresholded here.
/// </summary>
public static class FairnessMetrics
{
    /// <summary>MetricFrame(selection_rate).difference(method): between_groups = max_g SR_g − min_g SR_g.</summary>
    public static double DemographicParityDifference(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        AggregationMethod method = AggregationMethod.BetweenGroups, ReadOnlySpan<double> sampleWeight = default) =>
        SelectionRateFrame(yTrue, yPred, sensitiveFeatures, sampleWeight).Difference(method);

    /// <summary>MetricFrame(selection_rate).ratio(method): between_groups = min_g SR_g / max_g SR_g.</summary>
    public static double DemographicParityRatio(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        AggregationMethod method = AggregationMethod.BetweenGroups, ReadOnlySpan<double> sampleWeight = default) =>
        SelectionRateFrame(yTrue, yPred, sensitiveFeatures, sampleWeight).Ratio(method);

    /// <summary>
    /// Equalized odds difference: worst_case = max(TPR difference, FPR difference), mean = their mean; each difference
    /// is MetricFrame(rate).difference(method).
    /// </summary>
    /// <exception cref="InvalidInputException"><see cref="MetricErrors.InvalidAggregation"/> for an undefined aggregation.</exception>
    public static double EqualizedOddsDifference(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        AggregationMethod method = AggregationMethod.BetweenGroups, ReadOnlySpan<double> sampleWeight = default,
        EqualizedOddsAggregation agg = EqualizedOddsAggregation.WorstCase)
    {
        CheckAgg(agg);
        var (tpr, fpr) = EqualizedOddsFrames(yTrue, yPred, sensitiveFeatures, sampleWeight);
        return Combine(tpr.Difference(method), fpr.Difference(method), agg, worstIsMax: true);
    }

    /// <summary>Equalized odds ratio: worst_case = min(TPR ratio, FPR ratio), mean = their mean.</summary>
    /// <exception cref="InvalidInputException"><see cref="MetricErrors.InvalidAggregation"/> for an undefined aggregation.</exception>
    public static double EqualizedOddsRatio(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        AggregationMethod method = AggregationMethod.BetweenGroups, ReadOnlySpan<double> sampleWeight = default,
        EqualizedOddsAggregation agg = EqualizedOddsAggregation.WorstCase)
    {
        CheckAgg(agg);
        var (tpr, fpr) = EqualizedOddsFrames(yTrue, yPred, sensitiveFeatures, sampleWeight);
        return Combine(tpr.Ratio(method), fpr.Ratio(method), agg, worstIsMax: false);
    }

    /// <summary>MetricFrame(true_positive_rate).difference(method).</summary>
    public static double EqualOpportunityDifference(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        AggregationMethod method = AggregationMethod.BetweenGroups, ReadOnlySpan<double> sampleWeight = default) =>
        MetricFrame.Create(static (t, p, w) => BaseMetrics.TruePositiveRate(t, p, w), yTrue, yPred, sensitiveFeatures, sampleWeight)
            .Difference(method);

    /// <summary>MetricFrame(true_positive_rate).ratio(method).</summary>
    public static double EqualOpportunityRatio(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        AggregationMethod method = AggregationMethod.BetweenGroups, ReadOnlySpan<double> sampleWeight = default) =>
        MetricFrame.Create(static (t, p, w) => BaseMetrics.TruePositiveRate(t, p, w), yTrue, yPred, sensitiveFeatures, sampleWeight)
            .Ratio(method);

    /// <summary>Combines the TPR and FPR disparities as fairlearn's <c>agg</c> does (NaN-skipping, as pandas).</summary>
    internal static double Combine(double tprValue, double fprValue, EqualizedOddsAggregation agg, bool worstIsMax)
    {
        CheckAgg(agg);
        if (agg == EqualizedOddsAggregation.Mean)
        {
            return (double.IsNaN(tprValue), double.IsNaN(fprValue)) switch
            {
                (true, true) => double.NaN,
                (true, false) => fprValue,
                (false, true) => tprValue,
                _ => (tprValue + fprValue) / 2,
            };
        }

        ReadOnlySpan<double> both = [tprValue, fprValue];
        return worstIsMax ? Aggregates.Max(both) : Aggregates.Min(both);
    }

    private static void CheckAgg(EqualizedOddsAggregation agg)
    {
        if (agg is not (EqualizedOddsAggregation.WorstCase or EqualizedOddsAggregation.Mean))
        {
            throw Fail.With(MetricErrors.InvalidAggregation, agg);
        }
    }

    private static MetricFrame SelectionRateFrame(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        ReadOnlySpan<double> sampleWeight) =>
        MetricFrame.Create(static (_, p, w) => BaseMetrics.SelectionRate(p, w), yTrue, yPred, sensitiveFeatures, sampleWeight);

    private static (MetricFrame Tpr, MetricFrame Fpr) EqualizedOddsFrames(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        GroupLabels sensitiveFeatures, ReadOnlySpan<double> sampleWeight) =>
        (MetricFrame.Create(static (t, p, w) => BaseMetrics.TruePositiveRate(t, p, w), yTrue, yPred, sensitiveFeatures, sampleWeight),
         MetricFrame.Create(static (t, p, w) => BaseMetrics.FalsePositiveRate(t, p, w), yTrue, yPred, sensitiveFeatures, sampleWeight));
}
