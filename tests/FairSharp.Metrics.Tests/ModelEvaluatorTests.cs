using static FairSharp.Metrics.Tests.FairlearnTestData;

namespace FairSharp.Metrics.Tests;

public sealed class ModelEvaluatorTests
{
    private const double Tolerance = 1e-12;

    private static (int[] Codes, string[] Names) Codes(string[] values)
    {
        var groups = GroupLabels.FromColumn(values);
        return (groups.Codes.ToArray(), groups.Names.ToArray());
    }

    [Fact]
    public void Returns_every_metric_key()
    {
        var (codes, names) = Codes(DocGroups);
        var scores = DocYPred.Select(p => (double)p).ToArray();
        var evaluation = ModelEvaluator.Evaluate(DocYTrue, scores, codes, names);
        evaluation.Metrics.Keys.ShouldBe(MetricKeys.All);
        MetricKeys.All.Count.ShouldBe(27);
        MetricKeys.All.Distinct().Count().ShouldBe(27);
        evaluation.Definitions.Keys.ShouldBe(MetricKeys.All, ignoreOrder: true);
        evaluation.ComparisonText.ShouldBe("score >= 0.5");
    }

    [Fact]
    public void Reproduces_the_fairlearn_doctest_from_hard_scores()
    {
        var (codes, names) = Codes(DocGroups);
        var scores = DocYPred.Select(p => (double)p).ToArray();
        var m = ModelEvaluator.Evaluate(DocYTrue, scores, codes, names).Metrics;
        m[MetricKeys.DemographicParityDifference].ShouldBe(0.25, Tolerance);
        m[MetricKeys.DemographicParityRatio].ShouldBe(2.0 / 3.0, Tolerance);
        m[MetricKeys.EqualizedOddsDifference].ShouldBe(1.0, Tolerance);
        m[MetricKeys.EqualizedOddsRatio].ShouldBe(0.0, Tolerance);
        m[MetricKeys.EqualizedOddsDifferenceMean].ShouldBe(0.6, Tolerance);
        m[MetricKeys.EqualOpportunityDifference].ShouldBe(0.19999999999999996, Tolerance);
        m[MetricKeys.EqualOpportunityRatio].ShouldBe(0.4 / 0.6, Tolerance);
        m[MetricKeys.DemographicParityDifferenceToOverall].ShouldBe(0.19444444444444442, Tolerance);
        m[MetricKeys.EqualizedOddsSum].ShouldBe(1.2, Tolerance);
        m[MetricKeys.SelectionRate].ShouldBe(10.0 / 18.0, Tolerance);
        m[MetricKeys.Accuracy].ShouldBe(BaseMetrics.Accuracy(DocYTrue, DocYPred), Tolerance);
        m[MetricKeys.BalancedAccuracy].ShouldBe(BaseMetrics.BalancedAccuracy(DocYTrue, DocYPred), Tolerance);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_fairlearn_key_equals_the_named_function_on_the_71_row_data(bool weighted)
    {
        var groups = GroupLabels.FromColumns(["g_1", "g_2"], [G1, G2]);
        var scores = YPred.Select(p => p * 0.9 + 0.05).ToArray();
        var w = weighted ? Weights : [];
        var m = ModelEvaluator.Evaluate(YTrue, scores, groups.Codes, groups.Names, w).Metrics;
        foreach (var (method, suffix) in new[] { (AggregationMethod.BetweenGroups, ""), (AggregationMethod.ToOverall, "_to_overall") })
        {
            m[MetricKeys.DemographicParityDifference + suffix].ShouldBe(FairnessMetrics.DemographicParityDifference(YTrue, YPred, groups, method, w), Tolerance);
            m[MetricKeys.DemographicParityRatio + suffix].ShouldBe(FairnessMetrics.DemographicParityRatio(YTrue, YPred, groups, method, w), Tolerance);
            m[MetricKeys.EqualizedOddsDifference + suffix].ShouldBe(FairnessMetrics.EqualizedOddsDifference(YTrue, YPred, groups, method, w), Tolerance);
            m[MetricKeys.EqualizedOddsRatio + suffix].ShouldBe(FairnessMetrics.EqualizedOddsRatio(YTrue, YPred, groups, method, w), Tolerance);
            m[MetricKeys.EqualizedOddsDifferenceMean + suffix].ShouldBe(
                FairnessMetrics.EqualizedOddsDifference(YTrue, YPred, groups, method, w, EqualizedOddsAggregation.Mean), Tolerance);
            m[MetricKeys.EqualOpportunityDifference + suffix].ShouldBe(FairnessMetrics.EqualOpportunityDifference(YTrue, YPred, groups, method, w), Tolerance);
            m[MetricKeys.EqualOpportunityRatio + suffix].ShouldBe(FairnessMetrics.EqualOpportunityRatio(YTrue, YPred, groups, method, w), Tolerance);
        }

        m[MetricKeys.EqualizedOddsSum].ShouldBe(PaperMetrics.EqualizedOddsSum(YTrue, YPred, groups, w), Tolerance);
        m[MetricKeys.DpScoreGap].ShouldBe(PaperMetrics.DpScoreGap(scores, groups, w), Tolerance);
        m[MetricKeys.EoScoreGap].ShouldBe(PaperMetrics.EoScoreGap(YTrue, scores, groups, w), Tolerance);
        m[MetricKeys.AccuracyEqualityDifference].ShouldBe(PaperMetrics.AccuracyEqualityDifference(YTrue, YPred, groups, w), Tolerance);
        m[MetricKeys.WorstGroupAccuracy].ShouldBe(PaperMetrics.WorstGroupAccuracy(YTrue, YPred, groups, w), Tolerance);
        m[MetricKeys.RocAuc].ShouldBe(RankingMetrics.RocAuc(YTrue, scores, w), Tolerance);
        m[MetricKeys.AveragePrecision].ShouldBe(RankingMetrics.AveragePrecision(YTrue, scores, w), Tolerance);
        m[MetricKeys.Abroca].ShouldBe(RankingMetrics.Abroca(YTrue, scores, groups, w), Tolerance);
        m[MetricKeys.Accuracy].ShouldBe(BaseMetrics.Accuracy(YTrue, YPred, w), Tolerance);
    }

    [Fact]
    public void Score_gaps_and_tfs_metrics_by_hand()
    {
        // group a: (y=1, p=0.9), (y=0, p=0.2), (y=1, p=0.4); group b: (y=1, p=0.7), (y=0, p=0.6), (y=0, p=0.1).
        int[] y = [1, 0, 1, 1, 0, 0];
        double[] p = [0.9, 0.2, 0.4, 0.7, 0.6, 0.1];
        int[] g = [0, 0, 0, 1, 1, 1];
        var m = ModelEvaluator.Evaluate(y, p, g, ["a", "b"]).Metrics;
        m[MetricKeys.DpScoreGap].ShouldBe(Math.Abs(1.5 / 3 - 1.4 / 3), Tolerance);
        m[MetricKeys.EoScoreGap].ShouldBe(Math.Abs(0.65 - 0.7) + Math.Abs(0.2 - 0.35), Tolerance);
        // ŷ = [p ≥ 0.5]: a → 1,0,0 (acc 2/3), b → 1,1,0 (acc 2/3); cells: a,y=1 → 1/2; a,y=0 → 1; b,y=1 → 1; b,y=0 → 1/2.
        m[MetricKeys.AccuracyEqualityDifference].ShouldBe(0.0, Tolerance);
        m[MetricKeys.WorstGroupAccuracy].ShouldBe(0.5, Tolerance);
        m[MetricKeys.EqualizedOddsSum].ShouldBe(0.5 + 0.5, Tolerance);
    }

    [Fact]
    public void Threshold_and_comparison_decide_the_prediction()
    {
        int[] y = [1, 0, 1, 0];
        double[] p = [0.5, 0.5, 0.7, 0.2];
        int[] g = [0, 0, 1, 1];
        ModelEvaluator.Evaluate(y, p, g, ["a", "b"]).Metrics[MetricKeys.SelectionRate].ShouldBe(0.75, Tolerance);
        var strict = ModelEvaluator.Evaluate(y, p, g, ["a", "b"], new EvaluationOptions(Comparison: ThresholdComparison.Greater));
        strict.Metrics[MetricKeys.SelectionRate].ShouldBe(0.25, Tolerance);
        strict.ComparisonText.ShouldBe("score > 0.5");
        ModelEvaluator.Evaluate(y, p, g, ["a", "b"], new EvaluationOptions(Threshold: 0.6)).Metrics[MetricKeys.SelectionRate].ShouldBe(0.25, Tolerance);
    }

    [Fact]
    public void By_group_rows_hold_counts_and_rates()
    {
        int[] y = [1, 0, 1, 1, 0, 0];
        double[] p = [0.9, 0.2, 0.4, 0.7, 0.6, 0.1];
        int[] g = [0, 0, 0, 1, 1, 1];
        var e = ModelEvaluator.Evaluate(y, p, g, ["a", "b"]);
        e.ByGroup["a"][GroupMetricKeys.Count].ShouldBe(3);
        e.ByGroup["a"][GroupMetricKeys.Positives].ShouldBe(2);
        e.ByGroup["a"][GroupMetricKeys.TruePositiveRate].ShouldBe(0.5, Tolerance);
        e.ByGroup["b"][GroupMetricKeys.FalsePositiveRate].ShouldBe(0.5, Tolerance);
        e.ByGroup["b"][GroupMetricKeys.FalseNegativeRate].ShouldBe(0.0, Tolerance);
        e.ByGroup["b"][GroupMetricKeys.MeanScore].ShouldBe(1.4 / 3, Tolerance);
        e.Overall[GroupMetricKeys.Count].ShouldBe(6);
        e.ByGroup["a"].Keys.ShouldBe(GroupMetricKeys.All);
        e.Degenerate.ShouldBeEmpty();
    }

    [Fact]
    public void A_collapsed_classifier_is_flagged_never_just_perfectly_fair()
    {
        int[] y = [1, 0, 1, 0];
        double[] p = [0.1, 0.2, 0.3, 0.4];
        int[] g = [0, 0, 1, 1];
        var e = ModelEvaluator.Evaluate(y, p, g, ["a", "b"]);
        e.Metrics[MetricKeys.DemographicParityDifference].ShouldBe(0.0);
        e.Metrics[MetricKeys.EqualizedOddsDifference].ShouldBe(0.0);
        e.IsDegenerate.ShouldBeTrue();
        e.Degenerate.ShouldContain("collapsed classifier: every row is predicted 0 (score >= 0.5)");
    }

    [Fact]
    public void A_group_collapsed_alone_is_flagged()
    {
        int[] y = [1, 0, 1, 0];
        double[] p = [0.9, 0.2, 0.6, 0.7];
        int[] g = [0, 0, 1, 1];
        var e = ModelEvaluator.Evaluate(y, p, g, ["a", "b"]);
        e.Degenerate.ShouldBe(["collapsed classifier in group 'b': every row is predicted 1 (score >= 0.5)"]);
    }

    [Fact]
    public void Empty_groups_and_missing_classes_are_reported_and_skipped()
    {
        int[] y = [1, 1, 1, 0];
        double[] p = [0.9, 0.2, 0.6, 0.7];
        int[] g = [0, 0, 1, 1];
        var e = ModelEvaluator.Evaluate(y, p, g, ["a", "b", "c"]);
        e.EmptyGroups.ShouldBe(["c"]);
        e.ByGroup["c"][GroupMetricKeys.Count].ShouldBe(0);
        double.IsNaN(e.ByGroup["c"][GroupMetricKeys.SelectionRate]).ShouldBeTrue();
        e.Degenerate.ShouldContain("group 'c' has no rows: reported, skipped by every aggregate");
        e.Degenerate.ShouldContain("group 'a' has no rows with y = 0: its false_positive_rate is 0 by the 0/0 convention");
        e.Metrics[MetricKeys.DemographicParityDifference].ShouldBe(0.5, Tolerance);
        double.IsNaN(e.Metrics[MetricKeys.Abroca]).ShouldBeTrue();
    }

    [Fact]
    public void Bootstrap_intervals_cover_every_key_and_are_seeded()
    {
        var (yTrue, yPred, groups) = MetricFrameTests.RandomData(3_000, seed: 9);
        var scores = yPred.Select((p, i) => p == 1 ? 0.5 + (i % 50) / 100.0 : (i % 50) / 100.0).ToArray();
        var options = new EvaluationOptions(BootstrapSamples: 20, Seed: 4, AbrocaGridPoints: 200);
        var a = ModelEvaluator.Evaluate(yTrue, scores, groups.Codes, groups.Names, options);
        var b = ModelEvaluator.Evaluate(yTrue, scores, groups.Codes, groups.Names, options);
        a.Intervals.Keys.ShouldBe(MetricKeys.All, ignoreOrder: true);
        a.Intervals[MetricKeys.Accuracy].ShouldBe(b.Intervals[MetricKeys.Accuracy]);
        a.CiQuantiles.ShouldBe([0.025, 0.5, 0.975]);
        a.Intervals[MetricKeys.Accuracy][0].ShouldBeLessThanOrEqualTo(a.Metrics[MetricKeys.Accuracy]);
        a.Intervals[MetricKeys.Accuracy][2].ShouldBeGreaterThanOrEqualTo(a.Metrics[MetricKeys.Accuracy]);
    }

    [Theory]
    [InlineData(new[] { 0, 2 }, new[] { 0.1, 0.2 }, new[] { 0, 1 }, "y_true at row 1 is 2; labels must be 0 or 1")]
    [InlineData(new[] { 0, 1 }, new[] { 0.1, 1.2 }, new[] { 0, 1 }, "score at row 1 is 1.2; scores must be probabilities in [0, 1]")]
    [InlineData(new[] { 0, 1 }, new[] { 0.1, 0.2 }, new[] { 0, 5 }, "group at row 1 is 5; codes must be in [0, 2)")]
    [InlineData(new[] { 0, 1 }, new[] { 0.1 }, new[] { 0, 1 }, "scores has 1 rows, expected 2")]
    [InlineData(new int[0], new double[0], new int[0], "no rows to evaluate")]
    public void Bad_input_gives_one_constant_line(int[] y, double[] s, int[] g, string message)
    {
        Should.Throw<InvalidInputException>(() => ModelEvaluator.Evaluate(y, s, g, ["a", "b"])).Message.ShouldBe(message);
    }

    [Fact]
    public void Options_are_validated_early()
    {
        Should.Throw<InvalidInputException>(() => new EvaluationOptions(Threshold: 1.5).Validate()).Message.ShouldBe("threshold 1.5 is outside [0, 1]");
        Should.Throw<InvalidInputException>(() => ModelEvaluator.Evaluate([1], [0.5], [0], ["a", "a"])).Message.ShouldBe("group name 'a' is given twice");
    }
}
