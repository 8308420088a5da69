using FairSharp.Metrics;
using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchTrainerTests
{
    private static (StitchTrainingResult Result, float[] Logits) Run(StitchMethod method, int seed, int? batch = null, double alpha = 20, int epochs = 20)
    {
        using var scope = NewDisposeScope();
        var data = Synthetic.Dataset(trainRows: 320);
        var backbone = StitchFixture.Mlp();
        using var cache = FeatureCache.Compute(backbone, 2, data, "abc");
        var training = StitchFixture.TrainingData(cache, data.GroupNames, seed);
        manual_seed(seed);
        using FeatureClassifier model = method == StitchMethod.Fdr
            ? new FreshHead(cache.Width)
            : new StitchedNetwork(backbone, 2, new StitchLayer(cache.Shape), method == StitchMethod.TfsJoint);
        var options = new StitchOptions { Method = method, Epochs = epochs, Seed = seed, BatchSize = batch, Alpha = alpha, LearningRate = 0.05 };
        var result = StitchTrainer.Train(model, training, options, null);
        return (result, model.PredictLogits(cache.Test.Features));
    }

    [Theory]
    [InlineData(StitchMethod.Tfs)]
    [InlineData(StitchMethod.Fdr)]
    [InlineData(StitchMethod.TfsJoint)]
    public void Every_method_is_evaluated_every_epoch_and_ends_at_the_chosen_epoch(StitchMethod method)
    {
        var (result, logits) = Run(method, 3);
        result.Status.ShouldBe("completed");
        result.Epochs.Count.ShouldBe(20);
        result.Steps.ShouldBe(20); // full batch
        result.Epochs.All(e => e.Validation.ContainsKey(MetricKeys.Abroca) && e.Test.ContainsKey(StitchTrainer.LossKey)).ShouldBeTrue();
        result.Choice.Epoch.ShouldBeInRange(0, 19);
        var chosen = result.Epochs[result.Choice.Epoch];
        result.Test!.Metrics[MetricKeys.EqualizedOddsDifference].ShouldBe(chosen.Test[MetricKeys.EqualizedOddsDifference]);
        result.Validation!.Metrics[MetricKeys.BalancedAccuracy].ShouldBe(chosen.Validation[MetricKeys.BalancedAccuracy]);
        logits.Length.ShouldBe(160);
        result.Test.ByGroup["s=0"].ContainsKey(GroupMetricKeys.FalseNegativeRate).ShouldBeTrue();
    }

    [Fact]
    public void The_same_seed_gives_the_same_run()
    {
        var (a, logitsA) = Run(StitchMethod.Tfs, 4, batch: 16, epochs: 3);
        var (b, logitsB) = Run(StitchMethod.Tfs, 4, batch: 16, epochs: 3);
        logitsA.ShouldBe(logitsB);
        a.Epochs.Select(e => e.TrainLoss).ShouldBe(b.Epochs.Select(e => e.TrainLoss));
        a.Steps.ShouldBe(b.Steps);
    }

    [Fact]
    public void Batch_of_one_runs_one_step_per_row()
    {
        var (result, _) = Run(StitchMethod.Fdr, 2, batch: 1, epochs: 1);
        result.BatchSize.ShouldBe(1);
        result.Steps.ShouldBeGreaterThan(8);
        result.Steps.ShouldBe(result.Steps / 4 * 4); // 4m rows
    }

    [Fact]
    public void Full_batch_eo_training_lowers_the_fairness_term()
    {
        var (result, _) = Run(StitchMethod.Tfs, 5, epochs: 40);
        var first = result.Epochs[0].Diagnostics[StitchTrainer.FairnessKey];
        var last = result.Epochs[^1].Diagnostics[StitchTrainer.FairnessKey];
        last.ShouldBeLessThan(first);
    }
}
