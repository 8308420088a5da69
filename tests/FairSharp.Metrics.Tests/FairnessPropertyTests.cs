using FsCheck.Xunit;

namespace FairSharp.Metrics.Tests;

/// <summary>FsCheck properties of the fairness metrics. Inputs are generated from an FsCheck-drawn seed; Replay fixes FsCheck's own seed.</summary>
public sealed class FairnessPropertyTests
{
    private const string Replay = "20261123,4243";
    private const double Tolerance = 1e-12;

    private static readonly AggregationMethod[] Methods = [AggregationMethod.BetweenGroups, AggregationMethod.ToOverall];

    private sealed record Sample(int[] YTrue, int[] YPred, double[] Scores, string[] Groups, double[] Weights);

    private static Sample Draw(int seed, int groupCount = 0)
    {
        var random = new Random(seed);
        var n = random.Next(2, 120);
        groupCount = groupCount > 0 ? groupCount : random.Next(1, 6);
        var bias = Enumerable.Range(0, groupCount).Select(_ => random.NextDouble()).ToArray();
        var yTrue = new int[n];
        var yPred = new int[n];
        var scores = new double[n];
        var groups = new string[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var g = random.Next(groupCount);
            groups[i] = "group-" + g;
            yTrue[i] = random.NextDouble() < bias[g] ? 1 : 0;
            scores[i] = Math.Round(random.NextDouble(), 2);
            yPred[i] = scores[i] >= 0.5 ? 1 : 0;
            weights[i] = random.Next(1, 5);
        }

        return new Sample(yTrue, yPred, scores, groups, weights);
    }

    private static IEnumerable<(string Name, double Value)> Differences(Sample s, GroupLabels g, double[] w)
    {
        foreach (var m in Methods)
        {
            yield return ($"dpd {m}", FairnessMetrics.DemographicParityDifference(s.YTrue, s.YPred, g, m, w));
            yield return ($"eod {m}", FairnessMetrics.EqualizedOddsDifference(s.YTrue, s.YPred, g, m, w));
            yield return ($"eod mean {m}", FairnessMetrics.EqualizedOddsDifference(s.YTrue, s.YPred, g, m, w, EqualizedOddsAggregation.Mean));
            yield return ($"eopd {m}", FairnessMetrics.EqualOpportunityDifference(s.YTrue, s.YPred, g, m, w));
        }
    }

    private static IEnumerable<(string Name, double Value)> Ratios(Sample s, GroupLabels g, double[] w)
    {
        foreach (var m in Methods)
        {
            yield return ($"dpr {m}", FairnessMetrics.DemographicParityRatio(s.YTrue, s.YPred, g, m, w));
            yield return ($"eor {m}", FairnessMetrics.EqualizedOddsRatio(s.YTrue, s.YPred, g, m, w));
            yield return ($"eor mean {m}", FairnessMetrics.EqualizedOddsRatio(s.YTrue, s.YPred, g, m, w, EqualizedOddsAggregation.Mean));
            yield return ($"eopr {m}", FairnessMetrics.EqualOpportunityRatio(s.YTrue, s.YPred, g, m, w));
        }
    }

    [Property(Replay = Replay, MaxTest = 60)]
    public void Differences_are_non_negative_and_ratios_lie_in_0_1(int seed, bool weighted)
    {
        var s = Draw(seed);
        var groups = GroupLabels.FromColumn(s.Groups);
        var w = weighted ? s.Weights : [];
        foreach (var (name, value) in Differences(s, groups, w))
        {
            value.ShouldBeGreaterThanOrEqualTo(0.0, name);
            value.ShouldBeLessThanOrEqualTo(1.0, name);
        }

        foreach (var (name, value) in Ratios(s, groups, w))
        {
            if (!double.IsNaN(value))
            {
                value.ShouldBeInRange(0.0, 1.0, name);
            }
        }
    }

    [Property(Replay = Replay, MaxTest = 60)]
    public void Renaming_groups_changes_nothing(int seed, bool weighted)
    {
        var s = Draw(seed);
        var w = weighted ? s.Weights : [];
        var original = GroupLabels.FromColumn(s.Groups);
        // A renaming that also reverses the sorted order of the names.
        var renamed = GroupLabels.FromColumn(s.Groups.Select(n => "z" + (char)('z' - n[^1])).ToArray());
        SameAll(Differences(s, original, w), Differences(s, renamed, w));
        SameAll(Ratios(s, original, w), Ratios(s, renamed, w));
    }

    [Property(Replay = Replay, MaxTest = 60)]
    public void Reordering_rows_changes_nothing(int seed, bool weighted)
    {
        var s = Draw(seed);
        var shuffle = new Random(seed ^ 0x5bd1e995);
        var order = Enumerable.Range(0, s.YTrue.Length).OrderBy(_ => shuffle.Next()).ToArray();
        var shuffled = new Sample(order.Select(i => s.YTrue[i]).ToArray(), order.Select(i => s.YPred[i]).ToArray(),
            order.Select(i => s.Scores[i]).ToArray(), order.Select(i => s.Groups[i]).ToArray(), order.Select(i => s.Weights[i]).ToArray());
        var w = weighted ? s.Weights : [];
        var ws = weighted ? shuffled.Weights : [];
        var a = GroupLabels.FromColumn(s.Groups);
        var b = GroupLabels.FromColumn(shuffled.Groups);
        SameAll(Differences(s, a, w), Differences(shuffled, b, ws));
        SameAll(Ratios(s, a, w), Ratios(shuffled, b, ws));
        var ea = ModelEvaluator.Evaluate(s.YTrue, s.Scores, a.Codes, a.Names, w).Metrics;
        var eb = ModelEvaluator.Evaluate(shuffled.YTrue, shuffled.Scores, b.Codes, b.Names, ws).Metrics;
        SameMetrics(ea, eb, 1e-12);
    }

    [Property(Replay = Replay, MaxTest = 60)]
    public void Named_metrics_equal_their_metric_frame_composition(int seed, bool weighted)
    {
        var s = Draw(seed);
        var g = GroupLabels.FromColumn(s.Groups);
        var w = weighted ? s.Weights : [];
        var sr = MetricFrame.Create((_, p, sw) => BaseMetrics.SelectionRate(p, sw), s.YTrue, s.YPred, g, w);
        var tpr = MetricFrame.Create((t, p, sw) => BaseMetrics.TruePositiveRate(t, p, sw), s.YTrue, s.YPred, g, w);
        var fpr = MetricFrame.Create((t, p, sw) => BaseMetrics.FalsePositiveRate(t, p, sw), s.YTrue, s.YPred, g, w);
        foreach (var m in Methods)
        {
            FairnessMetrics.DemographicParityDifference(s.YTrue, s.YPred, g, m, w).ShouldBe(sr.Difference(m));
            Same(FairnessMetrics.DemographicParityRatio(s.YTrue, s.YPred, g, m, w), sr.Ratio(m));
            FairnessMetrics.EqualizedOddsDifference(s.YTrue, s.YPred, g, m, w).ShouldBe(Math.Max(tpr.Difference(m), fpr.Difference(m)));
            FairnessMetrics.EqualizedOddsDifference(s.YTrue, s.YPred, g, m, w, EqualizedOddsAggregation.Mean)
                .ShouldBe((tpr.Difference(m) + fpr.Difference(m)) / 2, Tolerance);
            Same(FairnessMetrics.EqualizedOddsRatio(s.YTrue, s.YPred, g, m, w), Aggregates.Min([tpr.Ratio(m), fpr.Ratio(m)]));
            FairnessMetrics.EqualOpportunityDifference(s.YTrue, s.YPred, g, m, w).ShouldBe(tpr.Difference(m));
            Same(FairnessMetrics.EqualOpportunityRatio(s.YTrue, s.YPred, g, m, w), tpr.Ratio(m));
        }
    }

    [Property(Replay = Replay, MaxTest = 40)]
    public void Evaluator_keys_equal_the_named_functions(int seed, bool weighted)
    {
        var s = Draw(seed);
        var g = GroupLabels.FromColumn(s.Groups);
        var w = weighted ? s.Weights : [];
        var m = ModelEvaluator.Evaluate(s.YTrue, s.Scores, g.Codes, g.Names, w).Metrics;
        Same(m[MetricKeys.DemographicParityRatio], FairnessMetrics.DemographicParityRatio(s.YTrue, s.YPred, g, sampleWeight: w));
        Same(m[MetricKeys.EqualizedOddsDifferenceToOverall],
            FairnessMetrics.EqualizedOddsDifference(s.YTrue, s.YPred, g, AggregationMethod.ToOverall, w));
        Same(m[MetricKeys.EqualizedOddsSum], PaperMetrics.EqualizedOddsSum(s.YTrue, s.YPred, g, w));
        Same(m[MetricKeys.EoScoreGap], PaperMetrics.EoScoreGap(s.YTrue, s.Scores, g, w));
        Same(m[MetricKeys.WorstGroupAccuracy], PaperMetrics.WorstGroupAccuracy(s.YTrue, s.YPred, g, w));
    }

    [Property(Replay = Replay, MaxTest = 40)]
    public void Integer_weights_equal_repeating_rows_for_every_key(int seed)
    {
        var s = Draw(seed, groupCount: 3);
        var g = GroupLabels.FromColumn(s.Groups);
        var rows = Enumerable.Range(0, s.YTrue.Length).SelectMany(i => Enumerable.Repeat(i, (int)s.Weights[i])).ToArray();
        var codes = g.Codes.ToArray();
        var options = new EvaluationOptions(AbrocaGridPoints: 500);
        var weighted = ModelEvaluator.Evaluate(s.YTrue, s.Scores, codes, g.Names, s.Weights, options).Metrics;
        var repeated = ModelEvaluator.Evaluate(rows.Select(i => s.YTrue[i]).ToArray(), rows.Select(i => s.Scores[i]).ToArray(),
            rows.Select(i => codes[i]).ToArray(), g.Names, options).Metrics;
        SameMetrics(repeated, weighted, 1e-9);
    }

    [Property(Replay = Replay, MaxTest = 5)]
    public void Bootstrap_interval_matches_the_sampling_distribution_for_large_n(int seed)
    {
        var random = new Random(seed);
        const int n = 8_000;
        var yTrue = new int[n];
        var yPred = new int[n];
        var names = new string[n];
        for (var i = 0; i < n; i++)
        {
            var g = random.Next(3);
            names[i] = "g" + g;
            yTrue[i] = random.NextDouble() < 0.3 + 0.2 * g ? 1 : 0;
            yPred[i] = random.NextDouble() < 0.8 ? yTrue[i] : 1 - yTrue[i];
        }

        var frame = MetricFrame.Create((_, p, w) => BaseMetrics.SelectionRate(p, w), yTrue, yPred, GroupLabels.FromColumn(names),
            bootstrap: new BootstrapOptions(Samples: 400, Quantiles: [0.025, 0.975], Seed: seed));
        var overall = frame.OverallCi();
        overall[0].ShouldBeLessThanOrEqualTo(frame.Overall);
        overall[1].ShouldBeGreaterThanOrEqualTo(frame.Overall);
        // A selection rate over n rows has standard error √(p(1 − p)/n); the 95 % percentile interval of a correct
        // bootstrap is 2·1.96 of it wide (within the noise of 400 resamples), and centred on the estimate.
        var se = Math.Sqrt(frame.Overall * (1 - frame.Overall) / n);
        (overall[1] - overall[0]).ShouldBeInRange(0.75 * 3.92 * se, 1.25 * 3.92 * se);
        ((overall[0] + overall[1]) / 2).ShouldBe(frame.Overall, 0.5 * se);
        var difference = frame.DifferenceCi();
        difference[0].ShouldBeLessThanOrEqualTo(frame.Difference());
        difference[1].ShouldBeGreaterThanOrEqualTo(frame.Difference());
    }

    private static void SameAll(IEnumerable<(string Name, double Value)> actual, IEnumerable<(string Name, double Value)> expected)
    {
        foreach (var (a, e) in actual.Zip(expected))
        {
            a.Name.ShouldBe(e.Name);
            Same(a.Value, e.Value);
        }
    }

    private static void Same(double actual, double expected)
    {
        if (double.IsNaN(expected))
        {
            double.IsNaN(actual).ShouldBeTrue();
        }
        else
        {
            actual.ShouldBe(expected, Tolerance);
        }
    }

    // Every metric key agrees: both NaN, or within the tolerance.
    private static void SameMetrics(IReadOnlyDictionary<string, double> expected, IReadOnlyDictionary<string, double> actual, double tolerance)
    {
        foreach (var key in MetricKeys.All)
        {
            if (double.IsNaN(expected[key]))
            {
                double.IsNaN(actual[key]).ShouldBeTrue(key);
            }
            else
            {
                actual[key].ShouldBe(expected[key], tolerance, key);
            }
        }
    }
}
