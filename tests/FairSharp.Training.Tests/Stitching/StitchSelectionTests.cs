using FairSharp.Metrics;
using FairSharp.Training.Stitching;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchSelectionTests
{
    private static IReadOnlyDictionary<string, double> Epoch(double bacc, double auc, double eod) => new Dictionary<string, double>
    {
        [MetricKeys.BalancedAccuracy] = bacc,
        [MetricKeys.RocAuc] = auc,
        [MetricKeys.EqualizedOddsDifference] = eod,
    };

    [Fact]
    public void Picks_the_lowest_eod_among_gated_epochs_ties_by_higher_bacc()
    {
        var epochs = new[]
        {
            Epoch(0.90, 0.95, 0.05), // passes
            Epoch(0.85, 0.95, 0.01), // BACC fails
            Epoch(0.91, 0.95, 0.05), // passes, same EOD, higher BACC → chosen
            Epoch(0.92, 0.92, 0.02), // AUC fails
            Epoch(0.93, 0.95, 0.12), // EOD not < 0.12
        };
        var choice = StitchSelection.CelebA.Choose(epochs, null);
        choice.ShouldBe(new StitchChoice(2, true, 2));
    }

    [Fact]
    public void Falls_back_to_max_bacc_minus_eod_when_nothing_passes()
    {
        var epochs = new[] { Epoch(0.80, 0.9, 0.3), Epoch(0.82, 0.9, 0.2), Epoch(0.84, 0.9, 0.25) };
        StitchSelection.CelebA.Choose(epochs, null).ShouldBe(new StitchChoice(1, false, 0));
    }

    [Fact]
    public void The_default_gate_is_relative_to_the_backbone()
    {
        var epochs = new[] { Epoch(0.70, 0.8, 0.01), Epoch(0.77, 0.8, 0.10), Epoch(0.80, 0.8, 0.15) };
        var rule = new StitchSelection();
        rule.Choose(epochs, 0.80).ShouldBe(new StitchChoice(1, true, 2)); // 0.70 < 0.80 − 0.03
        rule.Choose(epochs, null).ShouldBe(new StitchChoice(0, true, 3));
        rule.Describe(0.8).ShouldContain("balanced_accuracy >= 0.77 (backbone 0.8 - 0.03)");
    }

    [Fact]
    public void Nan_metrics_fail_the_gate()
    {
        var epochs = new[] { Epoch(double.NaN, 0.9, 0.0), Epoch(0.9, 0.9, 0.1) };
        new StitchSelection().Choose(epochs, null).Epoch.ShouldBe(1);
    }

    [Fact]
    public void Thresholds_outside_unit_interval_are_bad_input()
    {
        var ex = Should.Throw<InvalidInputException>(() => new StitchSelection { MaxEqualizedOdds = 1.5 }.Validate());
        ex.Message.ShouldBe("selection threshold equalized odds must be in [0, 1], got 1.5");
    }
}
