namespace FairSharp.Experiments.Sweeps;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    /// <summary>Trained and evaluated; its metrics are usable.</summary>
    Ok,

    /// <summary>An error stopped it (the record holds the message); the sweep went on.</summary>
    Failed,

    /// <summary>The loss became NaN or infinite; the sweep went on.</summary>
    Diverged,
}
