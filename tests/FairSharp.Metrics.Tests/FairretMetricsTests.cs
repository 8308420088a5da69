namespace FairSharp.Metrics.Tests;

public sealed class FairretMetricsTests
{
    private static readonly double[] Pred = [0.2, 0.6, 0.9, 0.8];
    private static readonly int[] Label = [0, 1, 0, 1];
    private static readonly GroupLabels Groups = GroupLabels.FromCodes([0, 0, 1, 1], ["group 1", "group 2"]);

    [Fact]
    public void Ppv_parity_reproduces_the_fairret_fixture()
    {
        // Per group 0.6/0.8 = 0.75 and 0.8/1.7; overall 1.4/2.5 = 0.56; max |g/o − 1| = 0.339286 (printed to 6 digits).
        var value = FairretMetrics.LinearFractionalParity(FairretStatistic.PositivePredictiveValue, Pred, Label, Groups);
        value.ShouldBe(0.75 / 0.56 - 1, 1e-12);
        value.ShouldBe(0.339286, 5e-7);
    }

    [Fact]
    public void Stacked_tpr_fpr_parity_reproduces_the_fairret_fixture()
    {
        FairretMetrics.LinearFractionalParity(FairretStatistic.TruePositiveRate, Pred, Label, Groups).ShouldBe(0.142857, 5e-7);
        FairretMetrics.LinearFractionalParity(FairretStatistic.FalsePositiveRate, Pred, Label, Groups).ShouldBe(0.636364, 5e-7);
        FairretMetrics.LinearFractionalParity(FairretStatistic.FalsePositiveRate, Pred, Label, Groups).ShouldBe(1 - 0.2 / 0.55, 1e-12);
    }
}
