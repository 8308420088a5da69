namespace FairSharp.Training;

/// <summary>The words result.json, the CLI and the sweeps use for a <see cref="TrainingStatus"/>: one spelling for
/// both training loops.</summary>
public static class TrainingStatuses
{
    /// <summary>Word of <see cref="TrainingStatus.Completed"/>.</summary>
    public const string CompletedWord = "completed";

    /// <summary>Word of <see cref="TrainingStatus.EarlyStopped"/>.</summary>
    public const string EarlyStoppedWord = "early_stopped";

    /// <summary>Word of <see cref="TrainingStatus.Diverged"/>.</summary>
    public const string DivergedWord = "diverged";

    /// <summary>The word of <paramref name="status"/>.</summary>
    public static string Word(TrainingStatus status) => status switch
    {
        TrainingStatus.Diverged => DivergedWord,
        TrainingStatus.EarlyStopped => EarlyStoppedWord,
        _ => CompletedWord,
    };
}
