using static FairSharp.Metrics.Tests.FairlearnTestData;

namespace FairSharp.Metrics.Tests;

public sealed class FairnessMetricsTests
{
    private const double Tolerance = 1e-12;

    private static GroupLabels DocGroupLabels => GroupLabels.FromColumn(DocGroups);

    [Fact]
    public void Doctest_fixture_1()
    {
        FairnessMetrics.DemographicParityDifference(DocYTrue, DocYPred, DocGroupLabels).ShouldBe(0.25, Tolerance);
        FairnessMetrics.DemographicParityRatio(DocYTrue, DocYPred, DocGroupLabels).ShouldBe(2.0 / 3.0, Tolerance);
        FairnessMetrics.EqualizedOddsDifference(DocYTrue, DocYPred, DocGroupLabels).ShouldBe(1.0, Tolerance);
        FairnessMetrics.EqualizedOddsRatio(DocYTrue, DocYPred, DocGroupLabels).ShouldBe(0.0, Tolerance);
    }

    [Fact]
    public void Derived_fixture_1_prime()
    {
        var groups = DocGroupLabels;
        var sr = MetricFrame.Create((_, p, w) => BaseMetrics.SelectionRate(p, w), DocYTrue, DocYPred, groups);
        sr.ByGroup["a"].ShouldBe(0.75, Tolerance);
        sr.ByGroup["b"].ShouldBe(0.5, Tolerance);
        sr.ByGroup["c"].ShouldBe(0.5, Tolerance);
        sr.Overall.ShouldBe(10.0 / 18.0, Tolerance);

        var tpr = MetricFrame.Create((t, p, w) => BaseMetrics.TruePositiveRate(t, p, w), DocYTrue, DocYPred, groups);
        tpr.ByGroupValues.ShouldBe([0.5, 0.6, 0.4], Tolerance);
        var fpr = MetricFrame.Create((t, p, w) => BaseMetrics.FalsePositiveRate(t, p, w), DocYTrue, DocYPred, groups);
        fpr.ByGroupValues.ShouldBe([1.0, 0.0, 2.0 / 3.0], Tolerance);

        FairnessMetrics.EqualizedOddsDifference(DocYTrue, DocYPred, groups, agg: EqualizedOddsAggregation.Mean).ShouldBe(0.6, Tolerance);
        FairnessMetrics.EqualOpportunityDifference(DocYTrue, DocYPred, groups).ShouldBe(0.19999999999999996, Tolerance);
        FairnessMetrics.DemographicParityDifference(DocYTrue, DocYPred, groups, AggregationMethod.ToOverall)
            .ShouldBe(0.75 - 10.0 / 18.0, Tolerance);
        FairnessMetrics.DemographicParityDifference(DocYTrue, DocYPred, groups, AggregationMethod.ToOverall).ShouldBe(0.19444444444444442, Tolerance);
    }

    public static TheoryData<string, AggregationMethod, bool> Identities()
    {
        var data = new TheoryData<string, AggregationMethod, bool>();
        foreach (var feature in new[] { "g_1", "g_2", "g_3", "g_4", "g_1,g_3" })
        {
            foreach (var method in new[] { AggregationMethod.BetweenGroups, AggregationMethod.ToOverall })
            {
                data.Add(feature, method, false);
                data.Add(feature, method, true);
            }
        }

        return data;
    }

    private static GroupLabels Feature(string name)
    {
        var columns = name.Split(',').Select(n => n switch
        {
            "g_1" => G1,
            "g_2" => G2,
            "g_3" => G3,
            _ => G4,
        }).Select(c => (IReadOnlyList<string>)c).ToArray();
        return GroupLabels.FromColumns(name.Split(','), columns);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public void Every_named_metric_equals_its_metric_frame_composition(string feature, AggregationMethod method, bool weighted)
    {
        // fairlearn test_fairness_metrics.py: the predefined functions equal the matching MetricFrame aggregates.
        var groups = Feature(feature);
        var w = weighted ? Weights : [];
        var sr = MetricFrame.Create((_, p, sw) => BaseMetrics.SelectionRate(p, sw), YTrue, YPred, groups, w);
        var tpr = MetricFrame.Create((t, p, sw) => BaseMetrics.TruePositiveRate(t, p, sw), YTrue, YPred, groups, w);
        var fpr = MetricFrame.Create((t, p, sw) => BaseMetrics.FalsePositiveRate(t, p, sw), YTrue, YPred, groups, w);

        FairnessMetrics.DemographicParityDifference(YTrue, YPred, groups, method, w).ShouldBe(sr.Difference(method));
        FairnessMetrics.DemographicParityRatio(YTrue, YPred, groups, method, w).ShouldBe(sr.Ratio(method));
        FairnessMetrics.EqualizedOddsDifference(YTrue, YPred, groups, method, w)
            .ShouldBe(Math.Max(tpr.Difference(method), fpr.Difference(method)));
        FairnessMetrics.EqualizedOddsDifference(YTrue, YPred, groups, method, w, EqualizedOddsAggregation.Mean)
            .ShouldBe((tpr.Difference(method) + fpr.Difference(method)) / 2, Tolerance);
        FairnessMetrics.EqualizedOddsRatio(YTrue, YPred, groups, method, w)
            .ShouldBe(Math.Min(tpr.Ratio(method), fpr.Ratio(method)));
        FairnessMetrics.EqualizedOddsRatio(YTrue, YPred, groups, method, w, EqualizedOddsAggregation.Mean)
            .ShouldBe((tpr.Ratio(method) + fpr.Ratio(method)) / 2, Tolerance);
        FairnessMetrics.EqualOpportunityDifference(YTrue, YPred, groups, method, w).ShouldBe(tpr.Difference(method));
        FairnessMetrics.EqualOpportunityRatio(YTrue, YPred, groups, method, w).ShouldBe(tpr.Ratio(method));
    }

    [Fact]
    public void Named_metrics_on_g_1_match_hand_counts()
    {
        // g_1 alternates aa, aa, ba, ba: selection rates counted from the arrays.
        var groups = GroupLabels.FromColumn(G1);
        var expected = new Dictionary<string, double>();
        foreach (var name in new[] { "aa", "ba" })
        {
            var rows = Enumerable.Range(0, YTrue.Length).Where(i => G1[i] == name).ToArray();
            expected[name] = rows.Count(i => YPred[i] == 1) / (double)rows.Length;
        }

        FairnessMetrics.DemographicParityDifference(YTrue, YPred, groups)
            .ShouldBe(Math.Abs(expected["aa"] - expected["ba"]), Tolerance);
    }

    [Fact]
    public void An_undefined_aggregation_has_fairlearns_text()
    {
        var groups = DocGroupLabels;
        Should.Throw<InvalidInputException>(() =>
                FairnessMetrics.EqualizedOddsDifference(DocYTrue, DocYPred, groups, agg: (EqualizedOddsAggregation)7))
            .Message.ShouldBe("agg must be one of 'worst_case' or 'mean', got 7");
    }

    [Fact]
    public void An_undefined_method_has_fairlearns_text()
    {
        var groups = DocGroupLabels;
        Should.Throw<InvalidInputException>(() =>
                FairnessMetrics.DemographicParityDifference(DocYTrue, DocYPred, groups, (AggregationMethod)5))
            .Message.ShouldBe("Unrecognised method '5' in difference() call");
    }
}
