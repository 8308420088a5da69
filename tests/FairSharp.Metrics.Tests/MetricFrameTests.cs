namespace FairSharp.Metrics.Tests;

public sealed class MetricFrameTests
{
    private const double Tolerance = 1e-12;

    private static readonly MetricFunction<int> Accuracy = (t, p, w) => BaseMetrics.Accuracy(t, p, w);

    [Fact]
    public void Empty_intersections_are_reported_as_NaN_and_skipped_by_aggregates()
    {
        // fairlearn test_metricframe_missing.py: the combination (b, y) never occurs.
        string[] first = ["a", "a", "b", "b", "a", "a"];
        string[] second = ["x", "y", "x", "x", "x", "y"];
        int[] yTrue = [1, 0, 1, 1, 0, 0];
        int[] yPred = [1, 1, 1, 0, 0, 0];
        var groups = GroupLabels.FromColumns(["f1", "f2"], [first, second]);
        groups.Names.ShouldBe(["a, x", "a, y", "b, x", "b, y"]);
        groups.EmptyGroups.ShouldBe(["b, y"]);

        var frame = MetricFrame.Create(Accuracy, yTrue, yPred, groups);
        frame.ByGroup["a, x"].ShouldBe(1.0, Tolerance);
        frame.ByGroup["a, y"].ShouldBe(0.5, Tolerance);
        frame.ByGroup["b, x"].ShouldBe(0.5, Tolerance);
        double.IsNaN(frame.ByGroup["b, y"]).ShouldBeTrue();
        frame.GroupMin().ShouldBe(0.5, Tolerance);
        frame.GroupMax().ShouldBe(1.0, Tolerance);
        frame.Difference().ShouldBe(0.5, Tolerance);
        frame.Ratio().ShouldBe(0.5, Tolerance);
        frame.Overall.ShouldBe(4.0 / 6.0, Tolerance);
        frame.Difference(AggregationMethod.ToOverall).ShouldBe(1.0 / 3.0, Tolerance);
        frame.Ratio(AggregationMethod.ToOverall).ShouldBe(4.0 / 6.0, Tolerance);
    }

    [Fact]
    public void Ratio_to_overall_takes_the_smaller_of_both_directions()
    {
        // fairlearn test_metricframe_aggregates.py: by group 0.25 and 0.75 around overall 0.5 → min(0.5, 0.6667).
        var frame = MetricFrame.FromValues(0.5, [0.25, 0.75], ["a", "b"]);
        frame.Ratio(AggregationMethod.ToOverall).ShouldBe(0.5, Tolerance);
        MetricFrame.FromValues(0.5, [0.4, 0.75], ["a", "b"]).Ratio(AggregationMethod.ToOverall).ShouldBe(0.5 / 0.75, Tolerance);
        frame.Ratio().ShouldBe(1.0 / 3.0, Tolerance);
        frame.Difference(AggregationMethod.ToOverall).ShouldBe(0.25, Tolerance);
    }

    [Fact]
    public void Zero_over_zero_ratios_are_NaN_as_in_fairlearn()
    {
        double.IsNaN(MetricFrame.FromValues(0, [0, 0], ["a", "b"]).Ratio()).ShouldBeTrue();
        MetricFrame.FromValues(0, [0, 0], ["a", "b"]).Difference().ShouldBe(0.0);
        MetricFrame.FromValues(0.1, [0, 0.2], ["a", "b"]).Ratio().ShouldBe(0.0);
    }

    [Fact]
    public void Regression_metrics_by_group_reproduce_the_ML_NET_fixture()
    {
        // dotnet/machinelearning MetricTest.cs: 4 rows, Gender Male/Female. ML.NET printed its values from float32 inputs.
        double[] price = [0.2, 1.3, 3.0, 3.7];
        double[] score = [1.2, 2.3, 25.0, 7.7];
        var groups = GroupLabels.FromColumn(["Male", "Male", "Female", "Female"]);
        var rms = MetricFrame.Create((t, p, w) => RegressionMetrics.RootMeanSquaredError(t, p, w), price, score, groups);
        var mse = MetricFrame.Create((t, p, w) => RegressionMetrics.MeanSquaredError(t, p, w), price, score, groups);
        var r2 = MetricFrame.Create((t, p, w) => RegressionMetrics.RSquared(t, p, w), price, score, groups);

        rms.ByGroup["Male"].ShouldBe(1.0, Tolerance);
        rms.ByGroup["Female"].ShouldBe(Math.Sqrt(250), Tolerance);
        rms.ByGroup["Female"].ShouldBe(15.811388, 1e-6);
        mse.Overall.ShouldBe(125.5, Tolerance);
        rms.Overall.ShouldBe(11.202678, 1e-6);
        rms.Difference().ShouldBe(14.81138, 1e-5);
        r2.ByGroup["Male"].ShouldBe(1 - 2 / 0.605, Tolerance);
        r2.ByGroup["Male"].ShouldBe(-2.30578, 1e-5);
        r2.ByGroup["Female"].ShouldBe(1 - 500 / 0.245, 1e-9);
        // ML.NET prints −2039.81453 and a difference of 2037.5 (float32 arithmetic); exact double values differ by < 0.01.
        r2.ByGroup["Female"].ShouldBe(-2039.81453, 0.01);
        r2.Difference().ShouldBe(2037.5, 0.02);
    }

    [Fact]
    public void Bootstrap_intervals_are_seeded_and_reproducible()
    {
        var (yTrue, yPred, groups) = RandomData(2_000, seed: 3);
        var options = new BootstrapOptions(Samples: 50, Quantiles: [0.05, 0.5, 0.95], Seed: 11);
        var a = MetricFrame.Create(Accuracy, yTrue, yPred, groups, bootstrap: options);
        var b = MetricFrame.Create(Accuracy, yTrue, yPred, groups, bootstrap: options);
        a.OverallCi().ShouldBe(b.OverallCi());
        a.DifferenceCi().ShouldBe(b.DifferenceCi());
        var other = MetricFrame.Create(Accuracy, yTrue, yPred, groups, bootstrap: options with { Seed = 12 });
        other.OverallCi().ShouldNotBe(a.OverallCi());
        a.CiQuantiles.ShouldBe([0.05, 0.5, 0.95]);
        a.ByGroupCi().Keys.ShouldBe(groups.Names, ignoreOrder: true);
        a.OverallCi()[0].ShouldBeLessThanOrEqualTo(a.OverallCi()[1]);
        a.OverallCi()[1].ShouldBeLessThanOrEqualTo(a.OverallCi()[2]);
    }

    [Fact]
    public void Bootstrap_interval_contains_the_point_estimate_for_large_n()
    {
        var (yTrue, yPred, groups) = RandomData(20_000, seed: 5);
        var frame = MetricFrame.Create(Accuracy, yTrue, yPred, groups, bootstrap: new BootstrapOptions(Samples: 40, Quantiles: [0.01, 0.99], Seed: 1));
        frame.OverallCi()[0].ShouldBeLessThanOrEqualTo(frame.Overall);
        frame.OverallCi()[1].ShouldBeGreaterThanOrEqualTo(frame.Overall);
        foreach (var (name, ci) in frame.ByGroupCi())
        {
            ci[0].ShouldBeLessThanOrEqualTo(frame.ByGroup[name]);
            ci[1].ShouldBeGreaterThanOrEqualTo(frame.ByGroup[name]);
        }

        (frame.OverallCi()[1] - frame.OverallCi()[0]).ShouldBeLessThan(0.05);
    }

    [Fact]
    public void Asking_for_an_interval_without_bootstrap_is_an_error()
    {
        var frame = MetricFrame.FromValues(0.5, [0.4, 0.6], ["a", "b"]);
        Should.Throw<InvalidInputException>(() => frame.OverallCi()).Message.ShouldBe(MetricErrors.NoBootstrap);
    }

    [Fact]
    public void Bootstrap_options_are_validated_early()
    {
        Should.Throw<InvalidInputException>(() => new BootstrapOptions(Samples: 0).Validate()).Message.ShouldBe("n_boot must be at least 1, got 0");
        Should.Throw<InvalidInputException>(() => new BootstrapOptions(Quantiles: [1.5]).Validate()).Message
            .ShouldBe("ci_quantiles must be in [0, 1], got 1.5");
    }

    [Fact]
    public void Quantiles_interpolate_linearly_as_numpy()
    {
        Aggregates.Quantile([1, 2, 3, 4], 0.5).ShouldBe(2.5, Tolerance);
        Aggregates.Quantile([1, 2, 3, 4], 0.25).ShouldBe(1.75, Tolerance);
        Aggregates.Quantile([1, 2, 3, 4], 1).ShouldBe(4, Tolerance);
    }

    [Fact]
    public void Mismatched_lengths_name_the_argument()
    {
        var groups = GroupLabels.FromColumn(["a", "b"]);
        Should.Throw<InvalidInputException>(() => MetricFrame.Create(Accuracy, [1, 0], [1], groups)).Message
            .ShouldBe("y_pred has 1 rows, expected 2");
    }

    internal static (int[] YTrue, int[] YPred, GroupLabels Groups) RandomData(int n, int seed)
    {
        var random = new Random(seed);
        var yTrue = new int[n];
        var yPred = new int[n];
        var names = new string[n];
        for (var i = 0; i < n; i++)
        {
            yTrue[i] = random.Next(2);
            yPred[i] = random.NextDouble() < 0.8 ? yTrue[i] : 1 - yTrue[i];
            names[i] = "g" + random.Next(3);
        }

        return (yTrue, yPred, GroupLabels.FromColumn(names));
    }
}
