using System.Diagnostics;

namespace FairSharp.Experiments.Sweeps;

/// <summary>Runs a trial with a runner, times it, and turns exceptions into a failed record (what a worker does);
/// a failure of the surroundings (<see cref="TrialEnvironmentException"/>, a file that cannot be read or written) is
/// thrown instead, since it is no result of the trial.</summary>
public static class TrialExecution
{
    /// <summary>Runs <paramref name="spec"/> with <paramref name="runner"/>; the scratch folder is removed afterwards.</summary>
    /// <param name="runner">Runs the trial.</param>
    /// <param name="spec">The trial.</param>
    /// <param name="startedAgo">Time since the worker process started when this is its first trial (its start-up);
    /// zero otherwise.</param>
    /// <param name="cancellationToken">Not used by the runners yet.</param>
    /// <param name="ownProcess">True when this process runs nothing but this trial (a worker process): the record then
    /// carries the process's CPU time, from its start for a first trial. False in a sweep's own process, where other
    /// trials may run at the same time.</param>
    public static TrialRecord Run(ITrialRunner runner, TrialSpec spec, TimeSpan startedAgo, CancellationToken cancellationToken, bool ownProcess = false)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(spec);
        var cpuBefore = startedAgo > TimeSpan.Zero ? TimeSpan.Zero : Cpu();
        var clock = Stopwatch.StartNew();
        TrialOutcome outcome;
        try
        {
            outcome = runner.Run(spec, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialEnvironmentException($"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "), e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not TrialEnvironmentException)
        {
            outcome = TrialOutcome.Unfinished(TrialStatus.Failed, $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "));
        }
        finally
        {
            if (Directory.Exists(spec.WorkDirectory))
            {
                Directory.Delete(spec.WorkDirectory, recursive: true);
            }
        }

        var train = clock.Elapsed.TotalSeconds;
        var timings = new TrialTimings(Math.Round(train, 3), Math.Round(train + startedAgo.TotalSeconds, 3))
        {
            StartupSeconds = Math.Round(startedAgo.TotalSeconds, 3),
            Phases = outcome.Phases.Rounded(),
            CpuSeconds = ownProcess ? Math.Round((Cpu() - cpuBefore).TotalSeconds, 3) : 0,
        };
        return TrialRecord.From(spec.Config, outcome, timings);
    }

    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
