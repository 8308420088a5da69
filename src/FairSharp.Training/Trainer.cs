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
/// The one training loop every method runs through, for a <see cref="FairNetwork"/> with an
/// <see cref="ITrainingObjective"/> (<see cref="Train"/>) and for a stitched model on cached representations
/// (<see cref="Stitching.StitchTrainer"/>). Per step: a dispose scope, objective → loss → divergence check → backward →
/// optimiser step (→ StepLR for step schedules). Per period: evaluation on validation (selection) and test (reporting
/// only), StepLR for epoch schedules, model selection (any <see cref="Selection.SelectionRule"/>, the TFS gate included),
/// early stopping. The optimiser runs over the model's <see cref="ITrainable.ParameterGroups"/>.
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
        using var train = TensorConversion.ToTensors(data.Train, device);
        using var validation = TensorConversion.ToTensors(data.Validation, device);
        using var test = TensorConversion.ToTensors(data.Test, device);
        using var generator = new Generator((ulong)(uint)options.Seed, CPU);
        var network = new NetworkTrainable(model, extra);
        var stream = new NetworkBatches(model, objective, sampler, train, data, generator);
        return Run(network, stream, new EvaluationSplit(data.Validation.Name, validation.X, data.Validation.Labels, data.Validation.Groups),
            new EvaluationSplit(data.Test.Name, test.X, data.Test.Labels, data.Test.Groups), data.GroupNames, messages);
    }

    /// <summary>Runs the loop on any trainable model: builds the optimiser over its parameter groups and the schedule.</summary>
    internal TrainingResult Run<TBatch>(ITrainable model, IBatchStream<TBatch> stream, EvaluationSplit validation, EvaluationSplit test,
        IReadOnlyList<string> groupNames, List<string> messages)
    {
        using var optimizer = CreateOptimizer(model.ParameterGroups);
        var scheduler = options.StepLrPeriod is { } period ? optim.lr_scheduler.StepLR(optimizer, period, options.StepLrGamma) : null;
        return new TrainingLoop<TBatch>(options, observer, model, stream, optimizer, scheduler, validation, test, groupNames, messages).Run();
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

    private optim.Optimizer CreateOptimizer(IReadOnlyList<ParameterGroup> groups) => options.Optimizer switch
    {
        OptimizerKind.Sgd => new SgdOptimizer(groups, options.LearningRate, options.Momentum, options.WeightDecay),
        _ => new AdamOptimizer(groups, options.LearningRate, options.WeightDecay),
    };

    /// <summary>A network and its objective's extra parameters (one group) as the loop's model.</summary>
    private sealed class NetworkTrainable(FairNetwork model, IReadOnlyList<Parameter> extra) : ITrainable
    {
        public IReadOnlyList<ParameterGroup> ParameterGroups { get; } = [new ParameterGroup([.. model.parameters(), .. extra])];

        public IEnumerable<Tensor> SelectionState => model.state_dict().Values;

        public SplitScores Score(Tensor inputs, int[] labels) => SplitScores.FromProbabilities(model.PredictProbabilities(inputs), labels);

        public void train(bool on = true) => model.train(on);
    }

    /// <summary>The sampler's row batches of the training split and the objective's step on them.</summary>
    private sealed class NetworkBatches(FairNetwork model, ITrainingObjective objective, IBatchSampler sampler, SplitTensors train,
        PreparedDataset data, Generator generator) : IBatchStream<int[]>
    {
        public int BatchesPerEpoch => sampler.BatchesPerEpoch;

        public IEnumerable<int[]> Epoch(int epoch) => sampler.Epoch(epoch);

        public ObjectiveStep Step(int[] batch, int period) =>
            objective.Step(model, BatchContext.FromRows(train, data.Train, batch, data.GroupNames.Count), period, generator);
    }
}
