using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Study;

/// <summary>Runs the chosen parts of a study one after the other, each as an ordinary sweep (<see cref="SweepRunner"/>)
/// in its own folder; the same slice of every part for a shard. Killing it loses only the running trials; running the
/// same command again resumes every part where it stopped.</summary>
public static class StudyRun
{
    /// <summary>Runs <paramref name="parts"/> of <paramref name="plan"/> in <paramref name="directory"/>.</summary>
    /// <param name="plan">The study plan (its options are written to or checked against <c>study.json</c>).</param>
    /// <param name="parts">The parts to run (skipped parts and parts that are not sweeps are passed over).</param>
    /// <param name="runner">The sweep runner (workers, retry and thread settings).</param>
    /// <param name="shard">The slice of every part's plan to run.</param>
    /// <param name="directory">The study folder.</param>
    /// <param name="jobs">Trials at once.</param>
    /// <param name="dataDirectory">Dataset folder for the workers.</param>
    /// <param name="progress">Receives the part's name and its sweep's progress.</param>
    /// <param name="cancellationToken">Stops the running part.</param>
    public static async Task<IReadOnlyList<(string Part, SweepRunResult Result)>> RunAsync(StudyPlan plan,
        IReadOnlyList<(StudyPart Part, SweepPlan? Plan)> parts, SweepRunner runner, ShardSpec shard, string directory, int jobs,
        string? dataDirectory, Func<string, IProgress<SweepProgress>?> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(progress);
        StudyFile.WriteOrCheck(directory, plan.Options);
        var results = new List<(string, SweepRunResult)>();
        foreach (var (part, sweep) in parts)
        {
            if (sweep is null)
            {
                continue;
            }

            var folder = StudyPlan.PartFolder(directory, part.Name, shard);
            var result = await runner.RunAsync(sweep, shard, folder, jobs, dataDirectory, progress(part.Name), cancellationToken).ConfigureAwait(false);
            results.Add((part.Name, result));
        }

        return results;
    }
}
