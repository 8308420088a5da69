using System.Globalization;

namespace FairSharp.Metrics;

/// <summary>
/// One call that returns every key of the metric table for a model's scores: one validating pass over the rows
/// (confusion counts and score sums per group), O(groups) arithmetic for every thresholded and score-gap key — composed
/// with the same <see cref="MetricFrame"/> aggregates as fairlearn — and one sort for AP, ROC AUC and ABROCA.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>
    /// Evaluates scores p = P(y = 1 | x) in [0, 1] against labels y ∈ {0, 1} for groups given as codes into
    /// <paramref name="groupNames"/>. The prediction is ŷ = [p ≥ threshold] (default 0.5; see <see cref="EvaluationOptions"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">Empty input, mismatched lengths, a label outside {0, 1}, a score outside [0, 1],
    /// a group code out of range, duplicate group names or invalid options.</exception>
    public static ModelEvaluation Evaluate(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<int> groups,
        IReadOnlyList<string> groupNames, EvaluationOptions? options = null) =>
        Evaluate(yTrue, scores, groups, groupNames, default, options);

    /// <summary>As <see cref="Evaluate(ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{int}, IReadOnlyList{string}, EvaluationOptions?)"/>
    /// with sample weights (an empty span means every weight is 1): every count becomes Σ w.</summary>
    public static ModelEvaluation Evaluate(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<int> groups,
        IReadOnlyList<string> groupNames, ReadOnlySpan<double> sampleWeight, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groupNames);
        options ??= EvaluationOptions.Default;
        options.Validate();
        if (groupNames.Count == 0)
        {
            throw Fail.With(MetricErrors.NoGroups);
        }

        var names = groupNames.ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw Fail.With(MetricErrors.DuplicateGroupName, names.GroupBy(n => n, StringComparer.Ordinal).First(g => g.Count() > 1).Key);
        }

        if (yTrue.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyEvaluation);
        }

        Fail.IfLengthDiffers("scores", scores.Length, yTrue.Length);
        Fail.IfLengthDiffers("groups", groups.Length, yTrue.Length);
        if (!sampleWeight.IsEmpty)
        {
            Fail.IfLengthDiffers("sample_weight", sampleWeight.Length, yTrue.Length);
        }

        var core = Compute(yTrue, scores, groups, names, sampleWeight, options);
        if (core.TotalWeight == 0)
        {
            throw Fail.With(MetricErrors.ZeroTotalWeight);
        }

        var intervals = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        IReadOnlyList<double> quantiles = [];
        if (options.BootstrapSamples > 0)
        {
            var bootstrap = new BootstrapOptions(options.BootstrapSamples, options.CiQuantiles, options.Seed);
            quantiles = bootstrap.EffectiveQuantiles;
            foreach (var (key, values) in Bootstrap(yTrue, scores, groups, names, sampleWeight, options))
            {
                intervals[key] = Aggregates.Quantiles(values, quantiles);
            }
        }

        return new ModelEvaluation(core.Metrics, core.ByGroup, core.Overall, core.Degenerate, core.EmptyGroups,
            options.Threshold, options.Comparison, MetricDefinitions.For(options.Threshold, options.Comparison), intervals, quantiles);
    }

    private sealed record Core(
        Dictionary<string, double> Metrics,
        Dictionary<string, IReadOnlyDictionary<string, double>> ByGroup,
        IReadOnlyDictionary<string, double> Overall,
        List<string> Degenerate,
        List<string> EmptyGroups,
        double TotalWeight);

    private static Core Compute(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<int> groups, string[] names,
        ReadOnlySpan<double> weights, EvaluationOptions options)
    {
        var g = names.Length;
        var tally = GroupTally.Count(yTrue, scores, groups, g, weights, options.Threshold, options.Comparison);
        var overall = tally.OverallConfusion();
        var metrics = new Dictionary<string, double>(MetricKeys.All.Count, StringComparer.Ordinal);
        var byGroup = new Dictionary<string, IReadOnlyDictionary<string, double>>(g, StringComparer.Ordinal);

        var sr = new double[g];
        var tpr = new double[g];
        var fpr = new double[g];
        var acc = new double[g];
        var meanScore = new double[g];
        var meanScoreNeg = new double[g];
        var meanScorePos = new double[g];
        var worstCell = double.NaN;
        for (var k = 0; k < g; k++)
        {
            var c = tally.Confusion(k);
            var empty = tally.Rows(k) == 0;
            sr[k] = empty ? double.NaN : c.SelectionRate;
            tpr[k] = empty ? double.NaN : c.TruePositiveRate;
            fpr[k] = empty ? double.NaN : c.FalsePositiveRate;
            acc[k] = empty ? double.NaN : c.Accuracy;
            meanScore[k] = tally.MeanScore(k);
            meanScoreNeg[k] = tally.MeanScore(k, 0);
            meanScorePos[k] = tally.MeanScore(k, 1);
            if (tally.Rows(k, 1) > 0 && c.Positives > 0)
            {
                worstCell = MinSkipNaN(worstCell, c.TruePositiveRate);
            }

            if (tally.Rows(k, 0) > 0 && c.Negatives > 0)
            {
                worstCell = MinSkipNaN(worstCell, c.TrueNegativeRate);
            }

            byGroup[names[k]] = Row(c, tally.Rows(k, 1), tally.Rows(k, 0), meanScore[k], empty);
        }

        var overallRow = Row(overall, Sum(tally, 1), Sum(tally, 0), tally.OverallMeanScore(), overall.Total == 0);

        // fairlearn compositions over MetricFrames built from the counts.
        var srFrame = MetricFrame.FromValues(overall.SelectionRate, sr, names);
        var tprFrame = MetricFrame.FromValues(overall.TruePositiveRate, tpr, names);
        var fprFrame = MetricFrame.FromValues(overall.FalsePositiveRate, fpr, names);
        var accFrame = MetricFrame.FromValues(overall.Accuracy, acc, names);

        metrics[MetricKeys.Accuracy] = overall.Accuracy;
        metrics[MetricKeys.BalancedAccuracy] = overall.BalancedAccuracy;
        metrics[MetricKeys.SelectionRate] = overall.SelectionRate;
        metrics[MetricKeys.TruePositiveRate] = overall.TruePositiveRate;
        metrics[MetricKeys.FalsePositiveRate] = overall.FalsePositiveRate;
        foreach (var (method, suffix) in new[] { (AggregationMethod.BetweenGroups, ""), (AggregationMethod.ToOverall, "_to_overall") })
        {
            metrics[MetricKeys.DemographicParityDifference + suffix] = srFrame.Difference(method);
            metrics[MetricKeys.DemographicParityRatio + suffix] = srFrame.Ratio(method);
            var tprDiff = tprFrame.Difference(method);
            var fprDiff = fprFrame.Difference(method);
            metrics[MetricKeys.EqualizedOddsDifference + suffix] = FairnessMetrics.Combine(tprDiff, fprDiff, EqualizedOddsAggregation.WorstCase, true);
            metrics[MetricKeys.EqualizedOddsRatio + suffix] =
                FairnessMetrics.Combine(tprFrame.Ratio(method), fprFrame.Ratio(method), EqualizedOddsAggregation.WorstCase, false);
            metrics[MetricKeys.EqualizedOddsDifferenceMean + suffix] = FairnessMetrics.Combine(tprDiff, fprDiff, EqualizedOddsAggregation.Mean, true);
            metrics[MetricKeys.EqualOpportunityDifference + suffix] = tprDiff;
            metrics[MetricKeys.EqualOpportunityRatio + suffix] = tprFrame.Ratio(method);
        }

        metrics[MetricKeys.EqualizedOddsSum] = tprFrame.Difference() + fprFrame.Difference();
        metrics[MetricKeys.DpScoreGap] = Spread(meanScore);
        metrics[MetricKeys.EoScoreGap] = SpreadOrZero(meanScoreNeg) + SpreadOrZero(meanScorePos);
        metrics[MetricKeys.AccuracyEqualityDifference] = accFrame.Difference();
        metrics[MetricKeys.WorstGroupAccuracy] = worstCell;

        if (options.RankingMetrics)
        {
            var sorted = SortedRows.Create(yTrue, scores, weights, groups, validated: true);
            metrics[MetricKeys.AveragePrecision] = sorted.AveragePrecision(0, sorted.Length);
            metrics[MetricKeys.RocAuc] = sorted.RocAuc(0, sorted.Length);
            metrics[MetricKeys.Abroca] = sorted.Abroca(g, options.AbrocaGridPoints);
        }
        else
        {
            metrics[MetricKeys.AveragePrecision] = double.NaN;
            metrics[MetricKeys.RocAuc] = double.NaN;
            metrics[MetricKeys.Abroca] = double.NaN;
        }

        var ordered = new Dictionary<string, double>(MetricKeys.All.Count, StringComparer.Ordinal);
        foreach (var key in MetricKeys.All)
        {
            ordered[key] = metrics[key];
        }

        var (degenerate, emptyGroups) = Flags(tally, overall, names, options);
        return new Core(ordered, byGroup, overallRow, degenerate, emptyGroups, overall.Total);
    }

    private static (List<string> Reasons, List<string> EmptyGroups) Flags(GroupTally tally, ConfusionCounts overall, string[] names,
        EvaluationOptions options)
    {
        var reasons = new List<string>();
        var empty = new List<string>();
        var comparison = options.ComparisonText;
        var predictedPositive = overall.TruePositives + overall.FalsePositives;
        var predictedNegative = overall.TrueNegatives + overall.FalseNegatives;
        if (predictedPositive == 0 || predictedNegative == 0)
        {
            reasons.Add(Format(DegenerateReasons.CollapsedOverall, predictedPositive == 0 ? 0 : 1, comparison));
        }

        var rowsPositive = Sum(tally, 1);
        var rowsNegative = Sum(tally, 0);
        if (rowsPositive == 0 || rowsNegative == 0)
        {
            reasons.Add(Format(DegenerateReasons.OneClass, rowsPositive == 0 ? 0 : 1));
        }

        var nonEmpty = 0;
        for (var k = 0; k < names.Length; k++)
        {
            if (tally.Rows(k) == 0)
            {
                empty.Add(names[k]);
                reasons.Add(Format(DegenerateReasons.EmptyGroup, names[k]));
                continue;
            }

            nonEmpty++;
            var c = tally.Confusion(k);
            var positive = c.TruePositives + c.FalsePositives;
            var negative = c.TrueNegatives + c.FalseNegatives;
            if ((positive == 0 || negative == 0) && predictedPositive > 0 && predictedNegative > 0)
            {
                reasons.Add(Format(DegenerateReasons.CollapsedGroup, names[k], positive == 0 ? 0 : 1, comparison));
            }

            if (tally.Rows(k, 1) == 0 && rowsPositive > 0)
            {
                reasons.Add(Format(DegenerateReasons.NoPositives, names[k]));
            }

            if (tally.Rows(k, 0) == 0 && rowsNegative > 0)
            {
                reasons.Add(Format(DegenerateReasons.NoNegatives, names[k]));
            }
        }

        if (nonEmpty < 2)
        {
            reasons.Add(DegenerateReasons.SingleGroup);
        }

        return (reasons, empty);
    }

    private static IReadOnlyDictionary<string, double> Row(ConfusionCounts c, long positives, long negatives, double meanScore, bool empty)
    {
        var nan = double.NaN;
        return new Dictionary<string, double>(GroupMetricKeys.All.Count, StringComparer.Ordinal)
        {
            [GroupMetricKeys.Count] = positives + negatives,
            [GroupMetricKeys.Weight] = c.Total,
            [GroupMetricKeys.Positives] = positives,
            [GroupMetricKeys.Negatives] = negatives,
            [GroupMetricKeys.Accuracy] = empty ? nan : c.Accuracy,
            [GroupMetricKeys.BalancedAccuracy] = empty ? nan : c.BalancedAccuracy,
            [GroupMetricKeys.SelectionRate] = empty ? nan : c.SelectionRate,
            [GroupMetricKeys.TruePositiveRate] = empty ? nan : c.TruePositiveRate,
            [GroupMetricKeys.FalsePositiveRate] = empty ? nan : c.FalsePositiveRate,
            [GroupMetricKeys.TrueNegativeRate] = empty ? nan : c.TrueNegativeRate,
            [GroupMetricKeys.FalseNegativeRate] = empty ? nan : c.FalseNegativeRate,
            [GroupMetricKeys.MeanScore] = meanScore,
        };
    }

    private static Dictionary<string, List<double>> Bootstrap(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<int> groups,
        string[] names, ReadOnlySpan<double> weights, EvaluationOptions options)
    {
        var random = new Random(options.Seed);
        var n = yTrue.Length;
        var t = new int[n];
        var s = new double[n];
        var c = new int[n];
        var w = weights.IsEmpty ? [] : new double[n];
        var values = MetricKeys.All.ToDictionary(k => k, _ => new List<double>(options.BootstrapSamples), StringComparer.Ordinal);
        for (var b = 0; b < options.BootstrapSamples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = random.Next(n);
                t[i] = yTrue[row];
                s[i] = scores[row];
                c[i] = groups[row];
                if (!weights.IsEmpty)
                {
                    w[i] = weights[row];
                }
            }

            var sample = Compute(t, s, c, names, weights.IsEmpty ? default : w, options);
            foreach (var (key, list) in values)
            {
                list.Add(sample.Metrics[key]);
            }
        }

        return values;
    }

    private static long Sum(GroupTally tally, int y)
    {
        long total = 0;
        for (var k = 0; k < tally.Groups; k++)
        {
            total += tally.Rows(k, y);
        }

        return total;
    }

    /// <summary>max − min over the non-NaN values; NaN when none.</summary>
    private static double Spread(ReadOnlySpan<double> values) => Aggregates.Max(values) - Aggregates.Min(values);

    /// <summary>max − min over the non-NaN values; 0 when none (a class absent everywhere adds no gap).</summary>
    private static double SpreadOrZero(ReadOnlySpan<double> values)
    {
        var spread = Spread(values);
        return double.IsNaN(spread) ? 0.0 : spread;
    }

    private static double MinSkipNaN(double current, double value) =>
        double.IsNaN(current) || value < current ? value : current;

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
