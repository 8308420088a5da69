using System.Diagnostics;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// Runs a slice of a plan in a sweep folder: writes or checks <c>plan.json</c>, skips trials already in
/// <c>trials.jsonl</c>, runs the others at most <c>jobs</c> at a time through a worker, and appends each record as
/// soon as it arrives. Killing the process at any moment loses only the trials that were running; running the same
/// command again runs exactly those (and the ones not started), never a finished one twice. A worker that dies
/// mid-trial (<see cref="WorkerLostException"/>) costs only that trial, which is started again in a fresh worker.
/// Pending trials start round-robin over the methods (<see cref="TrialSchedule"/>).
/// </summary>
public sealed class SweepRunner
{
    /// <summary>Scratch folder inside the sweep folder (spec files and per-trial work folders).</summary>
    public const string WorkFolder = ".work";

    /// <summary>Lock file held while a sweep runs in a folder (released by the OS when the process dies).</summary>
    public const string LockFile = ".lock";

    private readonly ITrialWorker _worker;

    /// <summary>Runs again the trials whose current record is failed or diverged (<c>--retry-failed</c>); the new
    /// record is appended and the old one stays in <c>trials.jsonl</c> as the trial's history. Default false: a
    /// failed trial counts as done.</summary>
    public bool RetryFailed { get; init; }

    /// <summary>Times a trial is started when its worker keeps dying without a result (killed, out of memory); after
    /// that it is recorded as failed. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Torch threads of each worker (default 1). Workers already run in parallel, one per job; giving each
    /// of them every core oversubscribes the machine (a German trial took 18–23 s instead of 4 s with two threads on
    /// a busy 2-core machine).</summary>
    public int ThreadsPerWorker { get; init; } = 1;

    /// <summary>Records at most this many trials in this run, then waits (until cancelled or killed) instead of
    /// recording more; null (the default) records every trial. Kill-and-resume tests use it to kill a sweep at a known
    /// point, with trials still running, without racing its workers (<c>FAIRSHARP_SWEEP_HOLD_AFTER</c> in the CLI).</summary>
    public int? HoldAfterRecords { get; init; }

    /// <summary>A runner that runs trials through <paramref name="worker"/>.</summary>
    public SweepRunner(ITrialWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        _worker = worker;
    }

    /// <summary>Runs <paramref name="shard"/> of <paramref name="plan"/> in <paramref name="directory"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="shard">The slice to run (<see cref="ShardSpec.All"/> for everything).</param>
    /// <param name="directory">The sweep folder.</param>
    /// <param name="jobs">Trials running at the same time, ≥ 1.</param>
    /// <param name="dataDirectory">Dataset folder handed to the workers (null: they locate it).</param>
    /// <param name="progress">Receives a snapshot after every start and finish.</param>
    /// <param name="cancellationToken">Stops starting trials and kills running workers.</param>
    public async Task<SweepRunResult> RunAsync(SweepPlan plan, ShardSpec shard, string directory, int jobs, string? dataDirectory,
        IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(directory);
        if (jobs < 1)
        {
            throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.JobsNotPositive, jobs));
        }

        PlanFile.WriteOrCheck(directory, plan);
        // Two sweeps in one folder would run the same trials twice.
        using var folderLock = SweepFolderLock.Take(directory);
        var store = new TrialStore(directory);
        var finished = store.Read().Records.Where(r => !RetryFailed || r.Status == TrialStatus.Ok).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var slice = plan.Slice(shard);
        var pending = TrialSchedule.Order(slice.Where(t => !finished.Contains(t.Id)).ToArray());
        var skipped = slice.Count - pending.Count;
        var work = Path.Combine(directory, WorkFolder);
        if (Directory.Exists(work))
        {
            // Left by a killed run; the lock says no other sweep is using it.
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var threads = Math.Max(1, ThreadsPerWorker);

        var clock = Stopwatch.StartNew();
        var estimate = new SweepClock(pending, jobs);
        var gate = new object();
        int done = 0, running = 0, failed = 0, lost = 0, recorded = 0;
        var shares = TimeShares.None;
        void Report(TrialRecord? last, string? note = null)
        {
            SweepProgress snapshot;
            lock (gate)
            {
                snapshot = new SweepProgress(slice.Count, skipped, done, running, failed, clock.Elapsed, estimate.Remaining(clock.Elapsed), last)
                {
                    MeanByCurve = estimate.MeanByCurve,
                    WorkersLost = lost,
                    Note = note,
                };
            }

            progress?.Report(snapshot);
        }

        Report(null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        TrialEnvironmentException? environment = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(pending, options, async (trial, ct) =>
            {
                lock (gate)
                {
                    running++;
                    estimate.Started(trial, clock.Elapsed);
                }

                Report(null);
                var spec = new TrialSpec(trial, dataDirectory, Path.Combine(work, trial.Id), threads);
                TrialRecord? record = null;
                for (var attempt = 1; record is null; attempt++)
                {
                    try
                    {
                        record = await _worker.RunAsync(spec, ct).ConfigureAwait(false);
                    }
                    catch (WorkerLostException e) when (!ct.IsCancellationRequested)
                    {
                        lock (gate)
                        {
                            lost++;
                        }

                        if (attempt >= MaxAttempts)
                        {
                            record = TrialRecord.From(trial, TrialOutcome.Unfinished(TrialStatus.Failed,
                                SweepOptions.Format(ExperimentErrors.WorkerLostTooOften, attempt, e.Message)), new TrialTimings(0, 0));
                        }
                        else
                        {
                            Report(null, SweepOptions.Format(ExperimentErrors.WorkerLost, trial.Id, trial.Curve, trial.Lambda, trial.Seed, e.Message, attempt + 1, MaxAttempts));
                        }
                    }
                    catch (TrialEnvironmentException e)
                    {
                        // Nothing is recorded (a resume runs the trial again); the other trials would meet the same surroundings.
                        lock (gate)
                        {
                            running--;
                            environment ??= new TrialEnvironmentException(
                                SweepOptions.Format(ExperimentErrors.EnvironmentFailure, trial.Id, trial.Curve, trial.Lambda, trial.Seed, e.Message), e);
                        }

                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }

                if (HoldAfterRecords is { } hold && Interlocked.Increment(ref recorded) > hold)
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }

                store.Append(record);
                lock (gate)
                {
                    running--;
                    done++;
                    shares = shares.Add(record.Timings);
                    estimate.Finished(trial, clock.Elapsed);
                    if (record.Status != TrialStatus.Ok)
                    {
                        failed++;
                    }
                }

                Report(record);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (environment is not null && !cancellationToken.IsCancellationRequested)
        {
        }

        if (environment is not null)
        {
            throw environment;
        }

        if (Directory.Exists(work) && !Directory.EnumerateFileSystemEntries(work).Any())
        {
            Directory.Delete(work);
        }

        return new SweepRunResult(plan.Trials.Count, slice.Count, skipped, done, failed, clock.Elapsed) { Shares = shares };
    }
}
