namespace FairSharp.Metrics.Tests;

/// <summary>fairlearn test_metricframe_missing.py::test_missing_sensitive_feature_combinations on the 71-row data.</summary>
public sealed class MetricFrameMissingCombinationTests
{
    public static TheoryData<string> Metrics() => ["recall", "precision", "accuracy", "balanced_accuracy"];

    private static MetricFunction<int> Metric(string name) => name switch
    {
        "recall" => (t, p, w) => BaseMetrics.TruePositiveRate(t, p, w),
        "precision" => (t, p, w) => BaseMetrics.Precision(t, p, w),
        "accuracy" => (t, p, w) => BaseMetrics.Accuracy(t, p, w),
        _ => (t, p, w) => BaseMetrics.BalancedAccuracy(t, p, w),
    };

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Missing_combination_is_NaN_and_every_aggregate_uses_the_other_five(string name)
    {
        var yTrue = FairlearnTestData.YTrue;
        var yPred = FairlearnTestData.YPred;
        var n = yTrue.Length;
        var gA = FairlearnTestData.ArrayGen(["aa", "bb"], n / 2, n);
        var gB = FairlearnTestData.ArrayGen(["x", "y", "z"], 1 + n / 3, n);
        var metric = Metric(name);
        var frame = MetricFrame.Create(metric, yTrue, yPred, GroupLabels.FromColumns(["A", "B"], [gA, gB]));

        var overall = metric(yTrue, yPred, default);
        var direct = new List<double>();
        foreach (var a in new[] { "aa", "bb" })
        {
            foreach (var b in new[] { "x", "y", "z" })
            {
                var rows = Enumerable.Range(0, n).Where(i => gA[i] == a && gB[i] == b).ToArray();
                if (a == "bb" && b == "x")
                {
                    rows.ShouldBeEmpty();
                    double.IsNaN(frame.ByGroup["bb, x"]).ShouldBeTrue();
                    continue;
                }

                var value = metric(rows.Select(i => yTrue[i]).ToArray(), rows.Select(i => yPred[i]).ToArray(), default);
                frame.ByGroup[$"{a}, {b}"].ShouldBe(value);
                direct.Add(value);
            }
        }

        direct.Count.ShouldBe(5);
        frame.Overall.ShouldBe(overall);
        frame.GroupMin().ShouldBe(direct.Min());
        frame.GroupMax().ShouldBe(direct.Max());
        frame.Difference().ShouldBe(direct.Max() - direct.Min());
        frame.Difference(AggregationMethod.ToOverall).ShouldBe(direct.Max(x => Math.Abs(x - overall)));
        frame.Ratio().ShouldBe(direct.Min() / direct.Max());
        frame.Ratio(AggregationMethod.ToOverall).ShouldBe(direct.Select(x => x / overall).Concat(direct.Select(x => overall / x)).Min(), 1e-15);
    }
}
