using FairSharp.Data.Images;

namespace FairSharp.Data.Tests.Images;

public sealed class BoxResizeTests
{
    [Fact]
    public void Halving_averages_two_by_two_blocks() =>
        BoxResize.Resize([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150], 4, 4, 1, 2, 2)
            .ShouldBe(new byte[] { 25, 45, 105, 125 });

    [Fact]
    public void A_non_integer_factor_weights_the_covered_fractions()
    {
        // 3 → 2: out0 = (0·1 + 90·0.5) / 1.5 = 30; out1 = (90·0.5 + 180·1) / 1.5 = 150.
        BoxResize.Resize([0, 90, 180], 3, 1, 1, 2, 1).ShouldBe(new byte[] { 30, 150 });
    }

    [Fact]
    public void Channels_stay_separate() =>
        BoxResize.Resize([255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255], 2, 2, 3, 1, 1).ShouldBe(new byte[] { 128, 0, 128 });
}
