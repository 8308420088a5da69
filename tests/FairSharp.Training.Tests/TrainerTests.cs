using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Selection;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests;

public sealed class TrainerTests
{
    private static readonly PreparedDataset Data = Synthetic.Dataset();

    private static FairNetwork Model(int seed = 1, double dropout = 0)
    {
        manual_seed(seed);
        return new ModelSpec(ModelSpec.MlpName, [Data.Train.RowSize], [16, 8], dropout).Build();
    }

    private sealed class RecordingObserver : ITrainingObserver
    {
        public List<string> Messages { get; } = [];
        public int Steps { get; private set; }
        public int Evaluations { get; private set; }
        public (int Steps, int Periods) Start { get; private set; }
        public TrainingStatus? Finished { get; private set; }

        public void OnStart(int totalSteps, int periods) => Start = (totalSteps, periods);
        public void OnStep(int step, double loss) => Steps = step;
        public void OnEvaluated(EpochRecord record) => Evaluations++;
        public void OnMessage(string message) => Messages.Add(message);
        public void OnFinished(TrainingStatus status) => Finished = status;
    }

    /// <summary>A method whose loss is NaN from the given step on: the trainer must stop and say so.</summary>
    private sealed class ExplodingObjective(int fromStep) : ObjectiveBase
    {
        private int calls;

        public override string Name => "exploding";

        public override ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator)
        {
            var loss = TaskLoss.Bce(model.forward(batch.X), batch.Y);
            return ObjectiveStep.Of(++calls >= fromStep ? loss * double.NaN : loss);
        }
    }

    [Fact]
    public void Step_schedule_trains_reports_every_period_and_every_metric_key_and_validates_where_selection_reads_it()
    {
        using var model = Model();
        using var objective = new ErmObjective();
        var observer = new RecordingObserver();
        var options = new TrainerOptions { Steps = 25, EvaluateEvery = 10, BatchSize = 64, StepLrPeriod = 10, StepLrGamma = 0.5, Seed = 3 };
        var result = new Trainer(options, observer).Train(model, objective, Data);

        result.Status.ShouldBe(TrainingStatus.Completed);
        result.Steps.ShouldBe(25);
        result.Epochs.Select(e => e.Step).ShouldBe([10, 20, 25]);
        // StepLR(10, 0.5) stepped per training step: 1e-2 → 5e-3 after 10 → 2.5e-3 after 20
        result.Epochs.Select(e => e.LearningRate).ShouldBe([5e-3, 2.5e-3, 2.5e-3], tolerance: 1e-12);
        result.ChosenEpoch.ShouldBe(2);
        result.SelectionRule.ShouldBe("last");
        foreach (var key in MetricKeys.All)
        {
            result.Epochs[^1].Test.ContainsKey(key).ShouldBeTrue(key);
            result.Epochs[^1].Validation.ContainsKey(key).ShouldBeTrue(key);
        }

        // "last" reads no validation before the end: only the last period is validated
        result.Epochs.SkipLast(1).ShouldAllBe(e => e.Validation.Count == 0);
        result.Validation!.Metrics[MetricKeys.Accuracy].ShouldBe(result.Epochs[^1].Validation[MetricKeys.Accuracy]);
        result.Test.ShouldNotBeNull();
        result.Test!.Metrics[MetricKeys.Accuracy].ShouldBe(result.Epochs[^1].Test[MetricKeys.Accuracy]);
        observer.Start.ShouldBe((25, 3));
        observer.Steps.ShouldBe(25);
        observer.Evaluations.ShouldBe(3);
        observer.Finished.ShouldBe(TrainingStatus.Completed);
        model.training.ShouldBeFalse();
    }

    [Fact]
    public void A_batch_larger_than_the_training_split_is_clamped_and_logged()
    {
        using var model = Model();
        using var objective = new ErmObjective();
        var observer = new RecordingObserver();
        var result = new Trainer(new TrainerOptions { Steps = 3, EvaluateEvery = 3, BatchSize = 1024 }, observer).Train(model, objective, Data);
        result.Status.ShouldBe(TrainingStatus.Completed);
        result.Steps.ShouldBe(3);
        var expected = "batch size 1024 is larger than the 240 training rows: using batches of 240";
        observer.Messages.ShouldBe([expected]);
        result.Messages.ShouldBe([expected]);
    }

    [Fact]
    public void Stratified_batches_are_clamped_to_the_smallest_stratum()
    {
        using var model = Model();
        using var objective = new FairMixupObjective(FairnessConstraint.EqualizedOdds, 0.5);
        var options = new TrainerOptions { Unit = ScheduleUnit.Epochs, Epochs = 2, BatchSize = 500, IterationsPerEpoch = 3, StepLrPeriod = null };
        var result = new Trainer(options).Train(model, objective, Data);
        var smallest = Enumerable.Range(0, 4).Min(k => Enumerable.Range(0, Data.Train.Count).Count(i => (Data.Train.Groups[i] * 2) + Data.Train.Labels[i] == k));
        result.Messages.ShouldBe([$"per-stratum batch 500 is larger than the smallest (group, label) cell ({smallest} training rows): using {smallest} per stratum"]);
        result.Steps.ShouldBe(6);
        result.Epochs.Count.ShouldBe(2);
    }

    [Fact]
    public void A_non_finite_loss_ends_the_run_with_a_diverged_status_and_no_metrics()
    {
        using var model = Model();
        using var objective = new ExplodingObjective(fromStep: 14);
        var observer = new RecordingObserver();
        var result = new Trainer(new TrainerOptions { Steps = 30, EvaluateEvery = 10, BatchSize = 32 }, observer).Train(model, objective, Data);
        result.Status.ShouldBe(TrainingStatus.Diverged);
        result.Message.ShouldBe("training diverged at step 14: the loss is NaN");
        result.Steps.ShouldBe(13);
        result.Epochs.Count.ShouldBe(1);
        result.ChosenEpoch.ShouldBe(-1);
        result.Test.ShouldBeNull();
        observer.Finished.ShouldBe(TrainingStatus.Diverged);
    }

    [Fact]
    public void Min_gap_selection_restores_the_weights_of_the_chosen_epoch()
    {
        using var model = Model(dropout: 0.2);
        using var objective = new GapRegObjective(FairnessConstraint.DemographicParity, 0.3, 2);
        var rule = new MinGapAfterWarmup(MetricKeys.DpScoreGap, Warmup: 1);
        var options = new TrainerOptions
        {
            Unit = ScheduleUnit.Epochs, Epochs = 6, BatchSize = 16, Sampling = SamplingKind.ByGroup, StepLrPeriod = null, Selection = rule,
        };
        var result = new Trainer(options).Train(model, objective, Data);
        result.ChosenEpoch.ShouldBe(rule.Choose(result.Epochs));
        result.ChosenEpoch.ShouldBeGreaterThanOrEqualTo(1);
        var gaps = result.Epochs.Skip(1).Select(e => e.Validation[MetricKeys.DpScoreGap]).ToArray();
        result.Epochs[result.ChosenEpoch].Validation[MetricKeys.DpScoreGap].ShouldBe(gaps.Min());

        using var scope = NewDisposeScope();
        using var tensors = TensorConversion.ToTensors(Data.Validation);
        var scores = model.PredictProbabilities(tensors.X).Select(p => (double)p).ToArray();
        var again = ModelEvaluator.Evaluate(Data.Validation.Labels, scores, Data.Validation.Groups, Data.GroupNames);
        again.Metrics[MetricKeys.DpScoreGap].ShouldBe(result.Epochs[result.ChosenEpoch].Validation[MetricKeys.DpScoreGap]);
        result.Validation!.Metrics[MetricKeys.Accuracy].ShouldBe(again.Metrics[MetricKeys.Accuracy]);
    }

    [Fact]
    public void Early_stopping_ends_the_run_when_validation_loss_stops_improving()
    {
        using var model = Model();
        using var objective = new ErmObjective();
        var options = new TrainerOptions
        {
            Unit = ScheduleUnit.Epochs, Epochs = 60, BatchSize = 16, LearningRate = 0.05, StepLrPeriod = null,
            EarlyStopping = new EarlyStopping(Patience: 2, MinEpochs: 3),
        };
        var result = new Trainer(options).Train(model, objective, Data);
        result.Status.ShouldBe(TrainingStatus.EarlyStopped);
        result.Epochs.Count.ShouldBeLessThan(60);
        var losses = result.Epochs.Select(e => e.Validation["loss"]).ToArray();
        losses[^1].ShouldBeGreaterThanOrEqualTo(losses[^2]);
        losses[^2].ShouldBeGreaterThanOrEqualTo(losses[^3]);
        result.Message.ShouldBe($"early stopping after epoch {result.Epochs.Count - 1}: the validation loss stopped improving");
    }

    [Theory]
    [InlineData(0, 1e-3, "cpu", "--steps must be at least 1, got 0")]
    [InlineData(10, -1.0, "cpu", "--lr must be a finite number > 0, got -1")]
    [InlineData(10, 1e-3, "tpu", "unknown device 'tpu' (expected cpu or cuda)")]
    public void Bad_options_are_refused_before_training(int steps, double lr, string device, string message)
    {
        using var model = Model();
        using var objective = new ErmObjective();
        var options = new TrainerOptions { Steps = steps, LearningRate = lr, Device = device };
        Should.Throw<InvalidInputException>(() => new Trainer(options).Train(model, objective, Data)).Message.ShouldBe(message);
    }

    [Fact]
    public void Cuda_is_refused_with_a_clear_line_when_absent()
    {
        if (TorchSharp.torch.cuda.is_available())
        {
            Trainer.ResolveDevice("cuda").type.ShouldBe(TorchSharp.DeviceType.CUDA);
            return;
        }

        Should.Throw<InvalidInputException>(() => Trainer.ResolveDevice("cuda")).Message
            .ShouldBe("--device cuda was requested but no CUDA device is available (this libtorch is CPU-only)");
    }
}
