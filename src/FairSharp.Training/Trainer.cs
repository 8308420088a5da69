using System.Globalization;
using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>
/// The one training loop every method runs through (template method: the loop is fixed; the method is the
/// <see cref="ITrainingObjective"/> it calls). Per step: a dispose scope, objective → loss → divergence check →
/// backward → optimiser step (→ StepLR for step schedules). Per period: evaluation on validation (selection) and test
/// (reporting only), StepLR for epoch schedules, model selection, early stopping.
/// </summary>
public sealed class Trainer
{
    /// <summary>Error/status text: the loss became NaN or infinite (format: step, value).</summary>
    public const string DivergedLoss = "training diverged at step {0}: the loss is {1}";

    /// <summary>Status text: the scores became NaN or infinite (format: step, split name).</summary>
    public const string DivergedScores = "training diverged after step {0}: the {1} scores are not finite";

    /// <summary>Log text: batch clamped to the training split (format: requested, rows).</summary>
    public const string BatchClamped = "batch size {0} is larger than the {1} training rows: using batches of {1}";

    /// <summary>Log text: per-stratum batch clamped to the smallest stratum (format: requested, rows, stratum kind).</summary>
    public const string StratumBatchClamped = "per-stratum batch {0} is larger than the smallest {2} ({1} training rows): using {1} per stratum";

    /// <summary>Status text: early stopping (format: epoch).</summary>
    public const string EarlyStopped = "early stopping after epoch {0}: the validation loss stopped improving";

    private readonly TrainerOptions options;
    private readonly ITrainingObserver observer;

    /// <summary>Creates a trainer.</summary>
    public Trainer(TrainerOptions options, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.observer = observer ?? SilentObserver.Instance;
    }

    /// <summary>The options of this trainer.</summary>
    public TrainerOptions Options => options;

    /// <summary>The torch device of a device name (<c>cpu</c> or <c>cuda</c>); refuses cuda when unavailable.</summary>
    public static Device ResolveDevice(string name)
    {
        if (name == "cuda")
        {
            if (!cuda.is_available())
            {
                throw new InvalidInputException(TrainerOptions.CudaUnavailable);
            }

            return CUDA;
        }

        if (name != "cpu")
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, TrainerOptions.UnknownDevice, name));
        }

        return CPU;
    }

    /// <summary>Seeds torch from <paramref name="seed"/> (the same call the trainer makes; call it before building a
    /// model so that its initialisation is seeded too).</summary>
    public static void SeedTorch(int seed) => manual_seed(seed);

    /// <summary>Trains <paramref name="model"/> with <paramref name="objective"/> on <paramref name="data"/> and leaves
    /// the chosen epoch's weights in it.</summary>
    /// <exception cref="InvalidInputException">Bad options, or training data the objective cannot use.</exception>
    public TrainingResult Train(FairNetwork model, ITrainingObjective objective, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        objective.CheckTrainingData(data.Train, data.GroupNames);
        var device = ResolveDevice(options.Device);
        if (options.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        // Determinism: one seed feeds torch (dropout, initialisation when the caller seeds before building), the
        // sampler and the objective's generator. TorchSharp 0.107 does not implement use_deterministic_algorithms;
        // the CPU kernels used here are deterministic for a fixed thread count (checked by the determinism tests).
        manual_seed(options.Seed);
        model.to(device);
        var messages = new List<string>();
        var sampler = CreateSampler(objective.RequiredSampling ?? options.Sampling, data, messages);
        var extra = objective.Attach(model);
        using var optimizer = CreateOptimizer(model.parameters().Concat(extra));
        var scheduler = options.StepLrPeriod is { } period ? optim.lr_scheduler.StepLR(optimizer, period, options.StepLrGamma) : null;
        using var train = TensorConversion.ToTensors(data.Train, device);
        using var validation = TensorConversion.ToTensors(data.Validation, device);
        using var test = TensorConversion.ToTensors(data.Test, device);
        using var generator = new Generator((ulong)(uint)options.Seed, CPU);
        var loop = new Loop(this, model, objective, data, sampler, optimizer, scheduler, train, validation, test, generator, messages);
        return loop.Run();
    }

    private IBatchSampler CreateSampler(SamplingKind sampling, PreparedDataset data, List<string> messages)
    {
        var split = data.Train;
        switch (sampling)
        {
            case SamplingKind.Shuffled:
            {
                var batch = options.BatchSize;
                if (batch > split.Count)
                {
                    Log(messages, string.Format(CultureInfo.InvariantCulture, BatchClamped, batch, split.Count));
                    batch = split.Count;
                }

                return new ShuffledBatchSampler(split.Count, batch, options.Seed);
            }

            case SamplingKind.ByGroup:
            {
                var smallest = Enumerable.Range(0, data.GroupNames.Count).Min(g => split.Groups.Count(v => v == g));
                var batch = Clamp(options.BatchSize, smallest, "group", messages);
                return new GroupStratifiedSampler(split, data.GroupNames, batch, options.Seed, options.IterationsPerEpoch);
            }

            default:
            {
                var counts = new int[GroupLabelCell.Count(data.GroupNames.Count)];
                for (var i = 0; i < split.Count; i++)
                {
                    counts[GroupLabelCell.Index(split.Groups[i], split.Labels[i])]++;
                }

                var batch = Clamp(options.BatchSize, counts.Min(), "(group, label) cell", messages);
                return new GroupLabelStratifiedSampler(split, data.GroupNames, batch, options.Seed, options.IterationsPerEpoch);
            }
        }
    }

    private int Clamp(int requested, int smallest, string kind, List<string> messages)
    {
        if (requested <= smallest || smallest < 1)
        {
            return requested;
        }

        Log(messages, string.Format(CultureInfo.InvariantCulture, StratumBatchClamped, requested, smallest, kind));
        return smallest;
    }

    private void Log(List<string> messages, string message)
    {
        messages.Add(message);
        observer.OnMessage(message);
    }

    private optim.Optimizer CreateOptimizer(IEnumerable<Parameter> parameters) => options.Optimizer switch
    {
        OptimizerKind.Sgd => new SgdOptimizer(parameters, options.LearningRate, options.Momentum, options.WeightDecay),
        _ => new AdamOptimizer(parameters, options.LearningRate, options.WeightDecay),
    };

    /// <summary>One run's state: the loop itself, split into small steps.</summary>
    private sealed class Loop(
        Trainer owner,
        FairNetwork model,
        ITrainingObjective objective,
        PreparedDataset data,
        IBatchSampler sampler,
        optim.Optimizer optimizer,
        optim.lr_scheduler.LRScheduler? scheduler,
        SplitTensors train,
        SplitTensors validation,
        SplitTensors test,
        Generator generator,
        List<string> messages)
    {
        private readonly TrainerOptions options = owner.options;
        private readonly ITrainingObserver observer = owner.observer;
        private static readonly IReadOnlyDictionary<string, double> NotEvaluated = new SortedDictionary<string, double>(StringComparer.Ordinal);
        private readonly List<EpochRecord> records = [];
        private readonly List<double> validationLosses = [];
        private WeightSnapshot? snapshot;
        private int chosen = -1;
        private ModelEvaluation? chosenTest;
        private ModelEvaluation? chosenValidation;
        private int step;
        private int samplerEpoch;
        private IEnumerator<int[]>? endless;

        public TrainingResult Run()
        {
            var stepBased = options.Unit == ScheduleUnit.Steps;
            var periods = stepBased ? (options.Steps + options.EvaluateEvery - 1) / options.EvaluateEvery : options.Epochs;
            var totalSteps = stepBased ? options.Steps : options.Epochs * sampler.BatchesPerEpoch;
            observer.OnStart(totalSteps, periods);
            var status = TrainingStatus.Completed;
            string? message = null;
            try
            {
                for (var period = 0; period < periods; period++)
                {
                    model.train();
                    var batches = stepBased ? NextSteps(Math.Min(options.EvaluateEvery, options.Steps - step)) : sampler.Epoch(period);
                    var (ok, meanLoss, diagnostics, badLoss) = TrainPeriod(batches, period, stepBased);
                    if (!ok)
                    {
                        status = TrainingStatus.Diverged;
                        message = string.Format(CultureInfo.InvariantCulture, DivergedLoss, step + 1, badLoss);
                        break;
                    }

                    if (!stepBased)
                    {
                        scheduler?.step();
                    }

                    var (valOk, val, valMetrics) = Evaluate(validation, data.Validation);
                    var (testOk, tst, testMetrics) = options.TestCurve ? Evaluate(test, data.Test) : (true, null, NotEvaluated);
                    if (!valOk || !testOk)
                    {
                        status = TrainingStatus.Diverged;
                        message = string.Format(CultureInfo.InvariantCulture, DivergedScores, step, valOk ? data.Test.Name : data.Validation.Name);
                        break;
                    }

                    var record = new EpochRecord(period, step, LearningRate(), meanLoss, diagnostics, valMetrics, testMetrics);
                    records.Add(record);
                    validationLosses.Add(valMetrics["loss"]);
                    if (options.Selection.Choose(records) == records.Count - 1)
                    {
                        Snapshot(val!, tst);
                    }

                    observer.OnEvaluated(record);
                    if (options.EarlyStopping is { } early && period < periods - 1 && early.ShouldStop(validationLosses))
                    {
                        status = TrainingStatus.EarlyStopped;
                        message = string.Format(CultureInfo.InvariantCulture, EarlyStopped, period);
                        break;
                    }
                }

                var description = options.Selection.Describe();
                if (chosen < 0 && records.Count > 0 && status != TrainingStatus.Diverged)
                {
                    // e.g. fewer epochs than the warm-up: report the last epoch and say so.
                    description += "; no epoch was eligible, the last epoch is reported";
                    chosen = -1;
                    ForceLast();
                }

                if (status == TrainingStatus.Diverged)
                {
                    chosen = -1;
                    chosenTest = null;
                    chosenValidation = null;
                }
                else if (chosen != records.Count - 1 && snapshot is not null)
                {
                    snapshot.Restore();
                }

                if (chosen >= 0 && chosenTest is null)
                {
                    // Without the test curve, the test split is evaluated here, once, on the chosen weights.
                    var (testOk, tst, testMetrics) = Evaluate(test, data.Test);
                    if (testOk)
                    {
                        chosenTest = tst;
                        records[chosen] = records[chosen] with { Test = testMetrics };
                    }
                    else
                    {
                        status = TrainingStatus.Diverged;
                        message = string.Format(CultureInfo.InvariantCulture, DivergedScores, records[chosen].Step, data.Test.Name);
                        chosen = -1;
                        chosenValidation = null;
                    }
                }

                observer.OnFinished(status);
                return new TrainingResult(status, message, records, chosen, options.Selection.Name, description,
                    chosenTest, chosenValidation, step, messages);
            }
            finally
            {
                DisposeSnapshot();
                endless?.Dispose();
                model.eval();
            }
        }

        private IEnumerable<int[]> NextSteps(int count)
        {
            for (var i = 0; i < count; i++)
            {
                endless ??= sampler.Epoch(samplerEpoch).GetEnumerator();
                while (!endless.MoveNext())
                {
                    endless.Dispose();
                    endless = sampler.Epoch(++samplerEpoch).GetEnumerator();
                }

                yield return endless.Current;
            }
        }

        private (bool Ok, double MeanLoss, IReadOnlyDictionary<string, double> Diagnostics, double BadLoss) TrainPeriod(
            IEnumerable<int[]> batches, int period, bool stepBased)
        {
            double lossSum = 0;
            var count = 0;
            var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var rows in batches)
            {
                using var scope = NewDisposeScope();
                var batch = BatchContext.FromRows(train, data.Train, rows, data.GroupNames.Count);
                var loss = TrainingStep.Run(model, objective, batch, optimizer, period, generator, out var diagnostics);
                if (!double.IsFinite(loss))
                {
                    return (false, double.NaN, sums, loss);
                }

                if (stepBased)
                {
                    scheduler?.step();
                }

                step++;
                count++;
                lossSum += loss;
                foreach (var (key, value) in diagnostics)
                {
                    sums[key] = sums.GetValueOrDefault(key) + value;
                }

                observer.OnStep(step, loss);
            }

            var means = sums.ToDictionary(kv => kv.Key, kv => kv.Value / Math.Max(count, 1), StringComparer.Ordinal);
            return (true, count > 0 ? lossSum / count : double.NaN, means, 0);
        }

        private (bool Ok, ModelEvaluation? Evaluation, IReadOnlyDictionary<string, double> Metrics) Evaluate(SplitTensors tensors, DataSplit split)
        {
            var probabilities = model.PredictProbabilities(tensors.X);
            var scores = new double[probabilities.Length];
            double loss = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var p = (double)probabilities[i];
                if (!double.IsFinite(p))
                {
                    return (false, null, new Dictionary<string, double>());
                }

                scores[i] = p;
                // BCE as torch's BCELoss computes it: log clamped at −100.
                loss -= split.Labels[i] == 1 ? Math.Max(Math.Log(p), -100) : Math.Max(Math.Log(1 - p), -100);
            }

            var evaluation = ModelEvaluator.Evaluate(split.Labels, scores, split.Groups, data.GroupNames, options.Evaluation);
            var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var key in MetricKeys.All)
            {
                metrics[key] = evaluation.Metrics[key];
            }

            metrics["loss"] = loss / Math.Max(scores.Length, 1);
            return (true, evaluation, metrics);
        }

        private double LearningRate() => optimizer.ParamGroups.First().LearningRate;

        private void Snapshot(ModelEvaluation validationEvaluation, ModelEvaluation? testEvaluation)
        {
            DisposeSnapshot();
            chosen = records.Count - 1;
            chosenValidation = validationEvaluation;
            chosenTest = testEvaluation;
            if (options.Selection is Selection.LastEpoch)
            {
                // the live weights are the last epoch's: no copy needed
                return;
            }

            snapshot = WeightSnapshot.Take(model.state_dict().Values);
        }

        private void ForceLast()
        {
            DisposeSnapshot();
            var last = records.Count - 1;
            chosen = last;
            var (_, val, _) = Evaluate(validation, data.Validation);
            chosenValidation = val;
            chosenTest = null;
        }

        private void DisposeSnapshot()
        {
            snapshot?.Dispose();
            snapshot = null;
        }
    }
}
