namespace FairSharp.Experiments.Sweeps;

/// <summary>A snapshot of a running sweep, reported after each change.</summary>
/// <param name="Total">Trials in this slice of the plan.</param>
/// <param name="Skipped">Trials already in <c>trials.jsonl</c> when this run started (resumed).</param>
/// <param name="Done">Trials finished by this run.</param>
/// <param name="Running">Trials running now.</param>
/// <param name="Failed">Trials of this run that failed or diverged.</param>
/// <param name="Elapsed">Time since this run started.</param>
/// <param name="Remaining">Estimated time to finish (null until a trial has finished).</param>
/// <param name="Last">The trial that just finished, if the report is about one.</param>
public sealed record SweepProgress(int Total, int Skipped, int Done, int Running, int Failed, TimeSpan Elapsed, TimeSpan? Remaining, TrialRecord? Last)
{
    /// <summary>Trials with a record (skipped + done).</summary>
    public int Finished => Skipped + Done;
}
