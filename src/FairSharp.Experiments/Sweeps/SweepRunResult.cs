namespace FairSharp.Experiments.Sweeps;

/// <summary>What a sweep run did.</summary>
/// <param name="Planned">Trials in the whole plan.</param>
/// <param name="InSlice">Trials in this run's slice.</param>
/// <param name="Skipped">Trials of the slice already finished before this run (resumed).</param>
/// <param name="Ran">Trials this run finished.</param>
/// <param name="Failed">Trials of this run that failed or diverged.</param>
/// <param name="Elapsed">Wall time of this run.</param>
public sealed record SweepRunResult(int Planned, int InSlice, int Skipped, int Ran, int Failed, TimeSpan Elapsed)
{
    /// <summary>Where this run's trials spent their time (<see cref="TrialTimings"/> summed).</summary>
    public TimeShares Shares { get; init; } = TimeShares.None;
}
