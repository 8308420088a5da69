namespace FairSharp.Experiments.Sweeps;

/// <summary>Runs trials in the current process (one at a time is safest: torch has global state).</summary>
public sealed class InProcessTrialWorker : ITrialWorker
{
    private readonly ITrialRunner _runner;

    /// <summary>A worker that calls <paramref name="runner"/> directly.</summary>
    public InProcessTrialWorker(ITrialRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <inheritdoc />
    public Task<TrialRecord> RunAsync(TrialSpec spec, CancellationToken cancellationToken) =>
        Task.Run(() => TrialExecution.Run(_runner, spec, TimeSpan.Zero, cancellationToken), cancellationToken);
}
