namespace FairSharp.Experiments.Sweeps;

/// <summary>Runs one trial somewhere (a worker process, or in-process) and returns its record.</summary>
public interface ITrialWorker
{
    /// <summary>Runs <paramref name="spec"/>; a failed trial comes back as a record with a failed status.</summary>
    Task<TrialRecord> RunAsync(TrialSpec spec, CancellationToken cancellationToken);
}
