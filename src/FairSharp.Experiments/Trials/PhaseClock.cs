using System.Diagnostics;
using FairSharp.Training;

namespace FairSharp.Experiments.Trials;

/// <summary>
/// A training observer that splits a run's wall time into training steps and evaluation, from the trainer's own
/// callbacks: the time up to each <see cref="ITrainingObserver.OnStep"/> is a step's (batch sampling, forward,
/// backward, optimiser), the time up to each <see cref="ITrainingObserver.OnEvaluated"/> and up to
/// <see cref="ITrainingObserver.OnFinished"/> is evaluation's (validation, model selection and its snapshot, the
/// chosen snapshot's test split). It only reads a clock: the run's numbers are the same with or without it.
/// </summary>
public sealed class PhaseClock : ITrainingObserver
{
    private long _mark;
    private long _steps;
    private long _evaluation;

    /// <summary>Wall time in training steps.</summary>
    public TimeSpan Steps => Stopwatch.GetElapsedTime(0, _steps);

    /// <summary>Wall time in evaluation and model selection.</summary>
    public TimeSpan Evaluation => Stopwatch.GetElapsedTime(0, _evaluation);

    /// <inheritdoc />
    public void OnStart(int totalSteps, int periods) => _mark = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public void OnStep(int step, double loss) => _steps += Lap();

    /// <inheritdoc />
    public void OnEvaluated(EpochRecord record) => _evaluation += Lap();

    /// <inheritdoc />
    public void OnMessage(string message)
    {
    }

    /// <inheritdoc />
    public void OnFinished(TrainingStatus status) => _evaluation += Lap();

    private long Lap()
    {
        var now = Stopwatch.GetTimestamp();
        var lap = now - _mark;
        _mark = now;
        return lap;
    }
}
