using FairSharp.Metrics;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Tests.Selection;

public sealed class TfsGateTests
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
        var choice = TfsGate.CelebA.Choose(epochs, null);
        choice.ShouldBe(new GateChoice(2, true, 2));
    }

    [Fact]
    public void Falls_back_to_max_bacc_minus_eod_when_nothing_passes()
    {
        var epochs = new[] { Epoch(0.80, 0.9, 0.3), Epoch(0.82, 0.9, 0.2), Epoch(0.84, 0.9, 0.25) };
        TfsGate.CelebA.Choose(epochs, null).ShouldBe(new GateChoice(1, false, 0));
    }

    [Fact]
    public void The_default_gate_is_relative_to_the_backbone()
    {
        var epochs = new[] { Epoch(0.70, 0.8, 0.01), Epoch(0.77, 0.8, 0.10), Epoch(0.80, 0.8, 0.15) };
        var rule = new TfsGate();
        rule.Choose(epochs, 0.80).ShouldBe(new GateChoice(1, true, 2)); // 0.70 < 0.80 − 0.03
        rule.Choose(epochs, null).ShouldBe(new GateChoice(0, true, 3));
        rule.Describe(0.8).ShouldContain("balanced_accuracy >= 0.77 (backbone 0.8 - 0.03)");
    }

    [Fact]
    public void Nan_metrics_fail_the_gate()
    {
        var epochs = new[] { Epoch(double.NaN, 0.9, 0.0), Epoch(0.9, 0.9, 0.1) };
        new TfsGate().Choose(epochs, null).Epoch.ShouldBe(1);
    }

    [Fact]
    public void Thresholds_outside_unit_interval_are_bad_input()
    {
        var ex = Should.Throw<InvalidInputException>(() => new TfsGate { MaxEqualizedOdds = 1.5 }.Validate());
        ex.Message.ShouldBe("selection threshold equalized odds must be in [0, 1], got 1.5");
    }

    [Fact]
    public void As_a_selection_rule_it_chooses_from_epoch_records_with_its_reference()
    {
        var epochs = new[] { Epoch(0.70, 0.8, 0.01), Epoch(0.77, 0.8, 0.10), Epoch(0.80, 0.8, 0.15) };
        var records = epochs.Select((v, i) => new EpochRecord(i, i, 0.01, 0.5, new Dictionary<string, double>(), v, v)).ToArray();
        SelectionRule rule = new TfsGate { ReferenceBalancedAccuracy = 0.80 };
        rule.Name.ShouldBe("tfs-gate");
        rule.Choose(records).ShouldBe(1); // epoch 0 fails the relative gate 0.77
        new TfsGate().Choose(records).ShouldBe(0); // no reference: every epoch passes, min EOD
        ((TfsGate)rule).Decide(records).ShouldBe(new GateChoice(1, true, 2));
        rule.Describe().ShouldContain("(backbone 0.8 - 0.03)");
        var gate = new TfsGate { ReferenceBalancedAccuracy = 0.80 };
        gate.Describe().ShouldBe(gate.Describe(0.80)); // the reference the gate carries, whatever the static type
    }
}
