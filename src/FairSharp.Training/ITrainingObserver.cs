namespace FairSharp.Training;

/// <summary>Progress of a run, for a progress bar or a log. Called on the training thread; keep it cheap. Every
/// method does nothing unless an observer overrides it.</summary>
public interface ITrainingObserver
{
    /// <summary>Training starts: the total number of steps and evaluation periods.</summary>
    void OnStart(int totalSteps, int periods)
    {
    }

    /// <summary>A training step finished (1-based count) with this loss.</summary>
    void OnStep(int step, double loss)
    {
    }

    /// <summary>An evaluation period finished.</summary>
    void OnEvaluated(EpochRecord record)
    {
    }

    /// <summary>A log line worth showing (e.g. a clamped batch size).</summary>
    void OnMessage(string message)
    {
    }

    /// <summary>Training ended.</summary>
    void OnFinished(TrainingStatus status)
    {
    }
}

/// <summary>An observer that ignores everything (tests; output that is not a terminal).</summary>
public sealed class SilentObserver : ITrainingObserver
{
    /// <summary>The shared instance.</summary>
    public static SilentObserver Instance { get; } = new();
}
