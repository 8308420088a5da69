using FairSharp.Metrics;
using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchTrainerTests
{
    private static (StitchTrainingResult Result, float[] Logits) Run(StitchMethod method, int seed, int? batch = null, double alpha = 20, int epochs = 20,
        List<float[]>? logitsPerEpoch = null)
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
        var result = StitchTrainer.Train(model, training, options, null,
            logitsPerEpoch is null ? null : _ => logitsPerEpoch.Add(model.PredictLogits(cache.Test.Features)));
        return (result, model.PredictLogits(cache.Test.Features));
    }

    [Theory]
    [InlineData(StitchMethod.Tfs)]
    [InlineData(StitchMethod.Fdr)]
    [InlineData(StitchMethod.TfsJoint)]
    public void Every_method_is_evaluated_every_epoch_and_ends_at_the_chosen_epoch(StitchMethod method)
    {
        var perEpoch = new List<float[]>();
        var (result, logits) = Run(method, 3, logitsPerEpoch: perEpoch);
        result.Status.ShouldBe(TrainingStatus.Completed);
        result.Epochs.Count.ShouldBe(20);
        result.Steps.ShouldBe(20); // full batch
        result.Epochs.All(e => e.Validation.ContainsKey(MetricKeys.Abroca) && e.Test.ContainsKey(SplitScores.LossKey)).ShouldBeTrue();
        result.Choice.Epoch.ShouldBeInRange(0, 19);
        var chosen = result.Epochs[result.Choice.Epoch];
        result.Test!.Metrics[MetricKeys.EqualizedOddsDifference].ShouldBe(chosen.Test[MetricKeys.EqualizedOddsDifference]);
        result.Validation!.Metrics[MetricKeys.BalancedAccuracy].ShouldBe(chosen.Validation[MetricKeys.BalancedAccuracy]);
        logits.Length.ShouldBe(160);
        perEpoch.Count.ShouldBe(20);
        // the returned model is the chosen epoch's: its test logits are that epoch's, bit for bit
        logits.ShouldBe(perEpoch[result.Choice.Epoch]);
        if (result.Choice.Epoch != 19)
        {
            logits.ShouldNotBe(perEpoch[19]);
        }

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
        // the balanced set holds m rows of each of the 4 (group, label) cells of the train+validation pool, m the
        // smallest cell: one epoch of batch 1 is 4m steps
        var data = Synthetic.Dataset(trainRows: 320);
        var labels = data.Train.Labels.Concat(data.Validation.Labels).ToArray();
        var groups = data.Train.Groups.Concat(data.Validation.Groups).ToArray();
        var m = Enumerable.Range(0, 4).Min(c => labels.Where((y, i) => y == c / 2 && groups[i] == c % 2).Count());
        m.ShouldBeGreaterThan(2);
        result.Steps.ShouldBe(4 * m);
    }

    [Fact]
    public void Full_batch_eo_training_lowers_the_fairness_term()
    {
        var (result, _) = Run(StitchMethod.Tfs, 5, epochs: 40);
        var first = result.Epochs[0].Diagnostics[StitchLoss.FairnessKey];
        var last = result.Epochs[^1].Diagnostics[StitchLoss.FairnessKey];
        last.ShouldBeLessThan(first);
    }
}
