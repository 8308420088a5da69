using FairSharp.Training.Objectives;
using FairSharp.Training.Selection;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// Trains a <see cref="FeatureClassifier"/> on a balanced fine-tuning set of cached representations (tfs.md §8–§9) with
/// the one training loop (<see cref="Trainer"/>): SGD with momentum and weight decay over the classifier's parameter
/// groups (the head at lr × 2, wd × ½), no scheduler, the batches a seeded permutation of the set every epoch (full
/// batch by default), the objective <see cref="StitchLoss"/> (decorated by <see cref="StitchAlignment"/> when
/// λ_align &gt; 0). Every epoch is evaluated on validation and test; the <see cref="TfsGate"/> selection rule picks the
/// epoch on validation and the model ends with that epoch's weights.
/// </summary>
public static class StitchTrainer
{
    /// <summary>Trains <paramref name="model"/> and leaves it with the chosen epoch's weights.</summary>
    /// <param name="model">The classifier (its trainable parameters must require gradients).</param>
    /// <param name="data">Fine-tuning tensors and the evaluation splits.</param>
    /// <param name="options">Hyper-parameters, seed, selection.</param>
    /// <param name="referenceBalancedAccuracy">The backbone's validation BACC, for the relative gate (or null).</param>
    /// <param name="onEpoch">Called after every epoch (progress).</param>
    /// <param name="observer">Also told of every step and evaluation (e.g. a sweep's phase clock); null = none.</param>
    public static StitchTrainingResult Train(FeatureClassifier model, StitchTrainingData data, StitchOptions options,
        double? referenceBalancedAccuracy, Action<EpochRecord>? onEpoch = null, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        var (negatives, positives) = data.ClassCounts();
        var weights = options.EffectiveClassWeighted && negatives > 0 && positives > 0
            ? ((double)Math.Max(negatives, positives) / negatives, (double)Math.Max(negatives, positives) / positives)
            : (1.0, 1.0);
        IStitchObjective objective = new StitchLoss(options.Constraint, options.Alpha, weights);
        if (options.LambdaAlign > 0)
        {
            objective = new StitchAlignment(objective, options.LambdaAlign);
        }

        var batch = Math.Min(options.BatchSize ?? data.Count, data.Count);
        var gate = options.Selection with { ReferenceBalancedAccuracy = referenceBalancedAccuracy };
        var trainerOptions = new TrainerOptions
        {
            Seed = options.Seed,
            Optimizer = OptimizerKind.Sgd,
            LearningRate = options.LearningRate,
            Momentum = options.Momentum,
            WeightDecay = options.WeightDecay,
            StepLrPeriod = null,
            Unit = ScheduleUnit.Epochs,
            Epochs = options.Epochs,
            BatchSize = batch,
            Selection = gate,
            TestCurve = true,
        };
        using var generator = new Generator((ulong)options.Seed);
        using var batches = new Batches(model, objective, data, batch, generator);
        var result = new Trainer(trainerOptions, new EpochObserver(onEpoch, observer ?? SilentObserver.Instance)).Run(model, batches,
            Split(data.Validation), Split(data.Test), data.GroupNames, []);
        var choice = result.ChosenEpoch < 0 ? new GateChoice(-1, false, 0) : gate.Decide(result.Epochs);
        return new StitchTrainingResult(result.Status, result.Message, result.Epochs, choice, result.SelectionDescription,
            result.Validation, result.Test, result.Steps, batch);
    }

    private static EvaluationSplit Split(CachedSplit split) => new(split.Name, split.Features, split.Labels, split.Groups);

    /// <summary>The fine-tuning set in a seeded permutation per epoch (drawn even for a full batch, as released),
    /// sliced into batches; the step is the objective on the model's logits.</summary>
    private sealed class Batches(FeatureClassifier model, IStitchObjective objective, StitchTrainingData data, int batch, Generator generator)
        : IBatchStream<long>, IDisposable
    {
        private Tensor? order;

        public int BatchesPerEpoch => (data.Count + batch - 1) / batch;

        public IEnumerable<long> Epoch(int epoch)
        {
            var n = data.Count;
            order?.Dispose();
            order = randperm(n, generator: generator).DetachFromDisposeScope();
            for (long start = 0; start < n; start += batch)
            {
                yield return start;
            }
        }

        public ObjectiveStep Step(long start, int period)
        {
            var n = data.Count;
            Tensor x, y, a;
            if (batch >= n)
            {
                x = data.X;
                y = data.Y;
                a = data.A;
            }
            else
            {
                var index = order!.narrow(0, start, Math.Min(batch, n - start));
                x = data.X.index_select(0, index);
                y = data.Y.index_select(0, index);
                a = data.A.index_select(0, index);
            }

            return objective.Step(model, model.forward(x), y, a);
        }

        public void Dispose() => order?.Dispose();
    }

    /// <summary>Reports every evaluated epoch to a callback, and everything to <paramref name="inner"/>.</summary>
    private sealed class EpochObserver(Action<EpochRecord>? onEpoch, ITrainingObserver inner) : ITrainingObserver
    {
        public void OnStart(int totalSteps, int periods) => inner.OnStart(totalSteps, periods);

        public void OnStep(int step, double loss) => inner.OnStep(step, loss);

        public void OnEvaluated(EpochRecord record)
        {
            inner.OnEvaluated(record);
            onEpoch?.Invoke(record);
        }

        public void OnMessage(string message) => inner.OnMessage(message);

        public void OnFinished(TrainingStatus status) => inner.OnFinished(status);
    }
}
