namespace FairSharp.Experiments.Sweeps;

/// <summary>A snapshot of a running sweep, reported after each change.</summary>
/// <param name="Total">Trials in this slice of the plan.</param>
/// <param name="Skipped">Trials already in <c>trials.jsonl</c> when this run started (resumed).</param>
/// <param name="Done">Trials finished by this run.</param>
/// <param name="Running">Trials running now.</param>
/// <param name="Failed">Trials of this run that failed or diverged.</param>
/// <param name="Elapsed">Time since this run started.</param>
/// <param name="Remaining">Estimated time to finish from each method's mean trial time (<see cref="SweepClock"/>;
/// null until a trial has finished).</param>
/// <param name="Last">The trial that just finished, if the report is about one.</param>
public sealed record SweepProgress(int Total, int Skipped, int Done, int Running, int Failed, TimeSpan Elapsed, TimeSpan? Remaining, TrialRecord? Last)
{
    /// <summary>Trials with a record (skipped + done).</summary>
    public int Finished => Skipped + Done;

    /// <summary>Mean wall time of this run's finished trials, by curve (method and stitch options).</summary>
    public IReadOnlyDictionary<string, TimeSpan> MeanByCurve { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Workers that ended without a result in this run (their trials were started again).</summary>
    public int WorkersLost { get; init; }

    /// <summary>Something the user should see now (a worker was lost and its trial restarted), or null.</summary>
    public string? Note { get; init; }
}
