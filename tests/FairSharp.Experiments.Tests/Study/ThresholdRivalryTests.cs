using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Study;
using FairSharp.Metrics;

namespace FairSharp.Experiments.Tests.Study;

public sealed class ThresholdRivalryTests
{
    [Fact]
    public void The_mean_interval_is_the_mean_with_a_seeded_bootstrap_interval_around_it()
    {
        var e = ThresholdRivalry.MeanInterval([0.01, 0.02, 0.03, 0.04, double.NaN]);
        e.Value.ShouldBe(0.025, 1e-12);
        e.Low.ShouldBeGreaterThanOrEqualTo(0.01);
        e.High.ShouldBeLessThanOrEqualTo(0.04);
        e.Low.ShouldBeLessThan(e.Value);
        e.High.ShouldBeGreaterThan(e.Value);
        ThresholdRivalry.MeanInterval([0.01, 0.02, 0.03, 0.04]).ShouldBe(e);
        ThresholdRivalry.MeanInterval([double.NaN]).Value.ShouldBe(double.NaN);
    }

    [Theory]
    [InlineData(0.01, 0.02, -0.02, -0.01, true, false)]
    [InlineData(-0.02, -0.01, 0.01, 0.02, false, true)]
    [InlineData(-0.01, 0.02, -0.02, -0.01, false, false)]
    public void A_point_beats_the_thresholds_only_when_both_intervals_exclude_zero_the_right_way(double accLow, double accHigh, double gapLow, double gapHigh, bool beats, bool beaten)
    {
        var row = new ThresholdRivalry.Row("gapreg", "0.1", new IntervalEstimate(0, 0, accLow, accHigh), new IntervalEstimate(0, 0, gapLow, gapHigh), 10);
        row.Beats.ShouldBe(beats);
        row.Beaten.ShouldBe(beaten);
    }

    [Fact]
    public void The_gap_of_dp_is_the_demographic_parity_difference_and_of_eo_the_equalized_odds_difference()
    {
        ThresholdRivalry.GapKey("dp").ShouldBe(MetricKeys.DemographicParityDifference);
        ThresholdRivalry.GapKey("eo").ShouldBe(MetricKeys.EqualizedOddsDifference);
    }
}
