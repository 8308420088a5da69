using FairSharp.Experiments.Study;

namespace FairSharp.Experiments.Tests.Study;

public sealed class PairedDifferenceTests
{
    [Theory]
    [InlineData(0.01, 0.002, 0.02, true, false)]
    [InlineData(-0.01, -0.02, -0.002, false, true)]
    [InlineData(0.0, -0.01, 0.01, false, false)]
    public void The_interval_decides_which_curve_is_better(double value, double low, double high, bool aBetter, bool bBetter)
    {
        var d = new PairedDifference("a", "b", value, low, high, 0.5, false, 10);
        d.ABetter.ShouldBe(aBetter);
        d.BBetter.ShouldBe(bBetter);
    }

    [Fact]
    public void An_identical_pair_prints_plus_zero()
    {
        new PairedDifference("a", "b", -0.0, -0.0, -0.0, 0, false, 2).Text.ShouldBe("+0.0000 [+0.0000, +0.0000]");
        new PairedDifference("a", "b", 0.01234, -0.00051, 0.02, 0, false, 2).Text.ShouldBe("+0.0123 [-0.0005, +0.0200]");
    }
}
