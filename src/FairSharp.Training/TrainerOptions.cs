using System.Globalization;
using FairSharp.Metrics;
using FairSharp.Training.Objectives;
using FairSharp.Training.Selection;

namespace FairSharp.Training;

/// <summary>How the <see cref="Trainer"/> runs: optimiser, schedule, batches, evaluation, selection, device, seed.
/// Defaults are FFB's tabular settings (Adam 1e-2, StepLR(50, 0.1) per step, batch 1024, 150 steps, last step).</summary>
public sealed record TrainerOptions
{
    /// <summary>Error text: a count that must be positive (format: option, value).</summary>
    public const string MustBePositive = "{0} must be at least 1, got {1}";

    /// <summary>Error text: a rate or factor out of range (format: option, value).</summary>
    public const string BadRate = "{0} must be a finite number > 0, got {1}";

    /// <summary>Error text: unknown device (format: value).</summary>
    public const string UnknownDevice = "unknown device '{0}' (expected cpu or cuda)";

    /// <summary>Error text: CUDA requested but not available.</summary>
    public const string CudaUnavailable = "--device cuda was requested but no CUDA device is available (this libtorch is CPU-only)";

    /// <summary>Seed of everything random in the run: initialisation, dropout, batches, the objective's draws. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Optimiser (default Adam).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Learning rate (default 1e−2, FFB tabular).</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>SGD momentum (default 0.9, TFS); ignored by Adam.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay (default 0; TFS SGD: 5e−4).</summary>
    public double WeightDecay { get; init; }

    /// <summary>StepLR period in schedule units (steps or epochs); null = constant learning rate. Default 50 (FFB).</summary>
    public int? StepLrPeriod { get; init; } = 50;

    /// <summary>StepLR factor (default 0.1).</summary>
    public double StepLrGamma { get; init; } = 0.1;

    /// <summary>Step-based or epoch-based schedule (default steps, FFB).</summary>
    public ScheduleUnit Unit { get; init; } = ScheduleUnit.Steps;

    /// <summary>Training steps of a step-based schedule (default 150, FFB).</summary>
    public int Steps { get; init; } = 150;

    /// <summary>Epochs of an epoch-based schedule (default 10, Fair Mixup Adult).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Steps between evaluations of a step-based schedule (default 10; the last step is always evaluated).</summary>
    public int EvaluateEvery { get; init; } = 10;

    /// <summary>How batches are drawn when the objective does not require a sampling (default shuffled).</summary>
    public SamplingKind Sampling { get; init; } = SamplingKind.Shuffled;

    /// <summary>Rows per batch (shuffled) or per stratum (stratified). Default 1024 (FFB). Clamped to the data with a log line.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Stratified sampling: fresh draws per epoch (Fair Mixup: 100); null = the smallest stratum sets the epoch.</summary>
    public int? IterationsPerEpoch { get; init; }

    /// <summary>Early stopping on the validation loss; null = off (default).</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Model selection from validation metrics (default: last epoch).</summary>
    public SelectionRule Selection { get; init; } = new LastEpoch();

    /// <summary>Evaluate the validation and the test split at every evaluation period (the per-epoch curves, for
    /// plots). Default false: during training only what model selection reads is evaluated (the validation split at
    /// every period when the rule reads it, or early stopping does; under <see cref="Selection.LastEpoch"/> only after
    /// the last period), and the test split once, on the chosen epoch's weights. Chosen epochs and test metrics are the
    /// same either way.</summary>
    public bool TestCurve { get; init; }

    /// <summary>Threshold and comparison of every thresholded metric (default score ≥ 0.5).</summary>
    public EvaluationOptions Evaluation { get; init; } = EvaluationOptions.Default;

    /// <summary><c>cpu</c> (default) or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Torch intra-op threads; null = leave torch's setting (all cores).</summary>
    public int? Threads { get; init; }

    /// <summary>Throws <see cref="InvalidInputException"/> on the first bad setting.</summary>
    public void Validate()
    {
        Positive("--steps", Steps);
        Positive("--epochs", Epochs);
        Positive("--batch-size", BatchSize);
        Positive("evaluate-every", EvaluateEvery);
        if (IterationsPerEpoch is { } iterations)
        {
            Positive("iterations per epoch", iterations);
        }

        if (StepLrPeriod is { } period)
        {
            Positive("StepLR period", period);
        }

        if (Threads is { } threads)
        {
            Positive("--threads", threads);
        }

        Rate("--lr", LearningRate);
        Rate("StepLR gamma", StepLrGamma);
        if (!(Momentum >= 0 && Momentum < 1))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadRate, "momentum", Momentum));
        }

        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadRate, "weight decay", WeightDecay));
        }

        if (Device is not ("cpu" or "cuda"))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownDevice, Device));
        }

        EarlyStopping?.Validate();
        ArgumentNullException.ThrowIfNull(Selection);
        Selection.Validate();
        ArgumentNullException.ThrowIfNull(Evaluation);
        Evaluation.Validate();
    }

    private static void Positive(string name, int value)
    {
        if (value < 1)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MustBePositive, name, value));
        }
    }

    private static void Rate(string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadRate, name, value));
        }
    }
}
