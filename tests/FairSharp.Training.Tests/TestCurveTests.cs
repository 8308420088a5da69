using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Selection;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests;

/// <summary>Without <see cref="TrainerOptions.TestCurve"/> the test split is evaluated once, on the chosen epoch's
/// weights, and validation only where selection reads it (every epoch for min-gap, after the last epoch for last);
/// everything selection and the result depend on must be the same as with the per-epoch curves.</summary>
public sealed class TestCurveTests
{
    private static readonly PreparedDataset Data = Synthetic.Dataset();

    private static TrainingResult Train(SelectionRule rule, bool curve)
    {
        manual_seed(1);
        using var model = new ModelSpec(ModelSpec.MlpName, [Data.Train.RowSize], [16, 8], 0.2).Build();
        using var objective = new GapRegObjective(FairnessConstraint.DemographicParity, 0.3, 2);
        var options = new TrainerOptions
        {
            Unit = ScheduleUnit.Epochs, Epochs = 6, BatchSize = 16, Sampling = SamplingKind.ByGroup, StepLrPeriod = null,
            Selection = rule, TestCurve = curve, Seed = 4,
        };
        return new Trainer(options).Train(model, objective, Data);
    }

    public static TheoryData<string> Rules => ["min-gap", "last", "warm-up longer than training"];

    private static SelectionRule Rule(string name) => name switch
    {
        "min-gap" => new MinGapAfterWarmup(MetricKeys.DpScoreGap, Warmup: 1),
        "last" => new LastEpoch(),
        _ => new MinGapAfterWarmup(MetricKeys.DpScoreGap, Warmup: 50),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_chosen_epoch_and_its_test_metrics_are_the_same_without_the_test_curve(string rule)
    {
        var curve = Train(Rule(rule), curve: true);
        var once = Train(Rule(rule), curve: false);
        once.Status.ShouldBe(TrainingStatus.Completed);
        once.ChosenEpoch.ShouldBe(curve.ChosenEpoch);
        once.Validation!.Metrics.ShouldBe(curve.Validation!.Metrics);
        once.Epochs[^1].Validation.ShouldBe(curve.Epochs[^1].Validation);
        if (rule == "last")
        {
            once.Epochs.SkipLast(1).ShouldAllBe(e => e.Validation.Count == 0, "last reads no validation before the end");
        }
        else
        {
            once.Epochs.Select(e => e.Validation).ShouldBe(curve.Epochs.Select(e => e.Validation));
        }

        once.Epochs.Select(e => e.TrainLoss).ShouldBe(curve.Epochs.Select(e => e.TrainLoss));
        once.Epochs[once.ChosenEpoch].Test.ShouldBe(curve.Epochs[curve.ChosenEpoch].Test);
        once.Test!.Metrics.ShouldBe(curve.Test!.Metrics);
        once.Test.ByGroup.Keys.ShouldBe(curve.Test.ByGroup.Keys);
        foreach (var group in once.Test.ByGroup.Keys)
        {
            once.Test.ByGroup[group].ShouldBe(curve.Test.ByGroup[group]);
        }

        curve.Epochs.ShouldAllBe(e => e.Test.Count > 0, "the curve evaluates every epoch");
        once.Epochs.Where((_, i) => i != once.ChosenEpoch).ShouldAllBe(e => e.Test.Count == 0, "only the chosen epoch is tested");
    }
}
