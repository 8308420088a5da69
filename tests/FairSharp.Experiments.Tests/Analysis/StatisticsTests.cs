using FairSharp.Experiments.Analysis;

namespace FairSharp.Experiments.Tests.Analysis;

public sealed class StatisticsTests
{
    [Fact]
    public void Mean_and_sample_std_match_numpy_ddof_1()
    {
        double[] values = [0.81, 0.83, 0.86];
        Statistics.Mean(values).ShouldBe(0.8333333333333334, 1e-15);
        Statistics.SampleStd(values).ShouldBe(0.025166114784235857, 1e-15);
        Statistics.SampleStd([0.5]).ShouldBe(0);
        Statistics.Mean([]).ShouldBe(double.NaN);
    }

    [Fact]
    public void Quantiles_interpolate_linearly_like_numpy()
    {
        double[] sorted = [1, 2, 3, 4];
        Statistics.Quantile(sorted, 0.025).ShouldBe(1.075, 1e-15);
        Statistics.Quantile(sorted, 0.975).ShouldBe(3.925, 1e-15);
        Statistics.Quantile(sorted, 0.5).ShouldBe(2.5);
        var (low, high) = Statistics.PercentileInterval([4, 1, double.NaN, 3, 2], 0.95);
        low.ShouldBe(1.075, 1e-12);
        high.ShouldBe(3.925, 1e-12);
    }
}
