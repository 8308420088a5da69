namespace FairSharp.Training;

/// <summary>How a run ended.</summary>
public enum TrainingStatus
{
    /// <summary>Every scheduled step ran.</summary>
    Completed,

    /// <summary>Early stopping ended the run (validation loss stopped improving).</summary>
    EarlyStopped,

    /// <summary>The loss or the scores became NaN or infinite: the run stopped, and the result says so instead of
    /// reporting NaN metrics.</summary>
    Diverged,
}
