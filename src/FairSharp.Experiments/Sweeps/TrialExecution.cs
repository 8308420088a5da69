using System.Diagnostics;

namespace FairSharp.Experiments.Sweeps;

/// <summary>Runs a trial with a runner, times it, and turns exceptions into a failed record (what a worker does);
/// a failure of the surroundings (<see cref="TrialEnvironmentException"/>, a file that cannot be read or written) is
/// thrown instead, since it is no result of the trial.</summary>
public static class TrialExecution
{
    /// <summary>Runs <paramref name="spec"/> with <paramref name="runner"/>; the scratch folder is removed afterwards.</summary>
    public static TrialRecord Run(ITrialRunner runner, TrialSpec spec, TimeSpan startedAgo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(spec);
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
        return TrialRecord.From(spec.Config, outcome, new TrialTimings(Math.Round(train, 3), Math.Round(train + startedAgo.TotalSeconds, 3)));
    }
}
