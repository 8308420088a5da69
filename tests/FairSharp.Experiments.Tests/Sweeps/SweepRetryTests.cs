using System.Collections.Concurrent;
using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Reports;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

/// <summary><c>--retry-failed</c>, a worker lost mid-trial, and the trial history they leave.</summary>
public sealed class SweepRetryTests
{
    /// <summary>Hand-made results; gapreg λ = 1, seed 1 throws while <see cref="Broken"/> is true.</summary>
    private sealed class FlakyRunner : ITrialRunner
    {
        public bool Broken { get; set; } = true;

        public ConcurrentBag<string> Ran { get; } = [];

        public IMethodCatalog Catalog => TestCatalog.Instance;

        public TrialOutcome Run(TrialSpec spec, CancellationToken cancellationToken)
        {
            Ran.Add(spec.Config.Id);
            if (Broken && spec.Config is { Method: "gapreg", Lambda: 1.0, Seed: 1 })
            {
                throw new InvalidOperationException("disk quota exceeded");
            }

            var r = HandMadeSweep.Record(spec.Config);
            return new TrialOutcome(r.Status, r.Metrics, r.ByGroup, r.ChosenEpoch, r.Error) { Degenerate = r.Degenerate };
        }
    }

    /// <summary>Runs trials in-process, but the first call for <paramref name="victim"/> loses its worker
    /// <paramref name="losses"/> times first.</summary>
    private sealed class DyingWorker(ITrialRunner runner, string victim, int losses) : ITrialWorker
    {
        private int _lost;

        public int Calls { get; private set; }

        public Task<TrialRecord> RunAsync(TrialSpec spec, CancellationToken cancellationToken)
        {
            if (spec.Config.Id == victim)
            {
                Calls++;
                if (_lost < losses)
                {
                    _lost++;
                    throw new WorkerLostException("worker 4242 killed by signal 9");
                }
            }

            return new InProcessTrialWorker(runner).RunAsync(spec, cancellationToken);
        }
    }

    private static TrialConfig Victim => HandMadeSweep.Plan().Trials.Single(t => t is { Method: "gapreg", Lambda: 1.0, Seed: 1 });

    [Fact]
    public async Task Retry_failed_reruns_the_failed_and_diverged_trials_only_and_the_report_keeps_their_history()
    {
        using var dir = new TempDirectory();
        var plan = HandMadeSweep.Plan();
        var runner = new FlakyRunner();
        var first = await new SweepRunner(new InProcessTrialWorker(runner)).RunAsync(plan, ShardSpec.All, dir.Path, 2, null, null, CancellationToken.None);
        first.Failed.ShouldBe(2, "the forced failure and the hand-made divergence");

        runner.Broken = false;
        var plain = await new SweepRunner(new InProcessTrialWorker(runner)).RunAsync(plan, ShardSpec.All, dir.Path, 2, null, null, CancellationToken.None);
        plain.Ran.ShouldBe(0, "without --retry-failed a failed trial counts as done");

        runner.Ran.Clear();
        var retry = await new SweepRunner(new InProcessTrialWorker(runner)) { RetryFailed = true }
            .RunAsync(plan, ShardSpec.All, dir.Path, 2, null, null, CancellationToken.None);
        retry.Skipped.ShouldBe(13);
        retry.Ran.ShouldBe(2);
        var diverged = plan.Trials.Single(t => t is { Method: "fairmixup", Lambda: 1.0, Seed: 2 });
        runner.Ran.Order().ShouldBe(new[] { Victim.Id, diverged.Id }.Order());

        var content = new TrialStore(dir.Path).Read();
        content.Records.Count.ShouldBe(15);
        content.DuplicateLines.ShouldBe(0);
        content.Records.Single(r => r.Id == Victim.Id).Status.ShouldBe(TrialStatus.Ok);
        content.Records.Single(r => r.Id == Victim.Id).Metrics.ShouldBe(HandMadeSweep.Record(Victim).Metrics);
        content.Records.Single(r => r.Id == diverged.Id).Status.ShouldBe(TrialStatus.Diverged, "it diverges again");
        content.Superseded.Select(r => (r.Id, r.Status)).ShouldBe([(diverged.Id, TrialStatus.Diverged), (Victim.Id, TrialStatus.Failed)], ignoreOrder: true);
        content.Superseded.Single(r => r.Id == Victim.Id).Error.ShouldBe("InvalidOperationException: disk quota exceeded");

        var merged = Path.Combine(dir.Path, "merged");
        var folders = SweepFolders.Read([dir.Path]);
        SweepFolders.WriteMerged(merged, folders);
        var again = SweepFolders.Read([merged]);
        again.Records.Select(TrialStore.Serialize).ShouldBe(folders.Records.Select(TrialStore.Serialize), ignoreOrder: true);
        again.Superseded.Count.ShouldBe(2, "merging keeps the history");

        var report = ReportMarkdown.Render(again.Plan, SweepAnalyzer.Analyze(again.Plan.Trials, again.Records, new AnalysisOptions()), again.Records,
            new Dictionary<string, string>(), again.Superseded);
        report.ShouldContain("## Retried trials");
        report.ShouldContain($"| {Victim.Id} | gapreg | 1 | 1 | failed: InvalidOperationException: disk quota exceeded | ok |");
        report.ShouldContain($"| {diverged.Id} | fairmixup | 1 | 2 | diverged: loss became NaN at epoch 1 | diverged |");
    }

    [Fact]
    public void A_second_ok_record_is_a_duplicate_not_a_retry()
    {
        var history = new TrialHistory();
        var ok = HandMadeSweep.Record(Victim);
        var failed = TrialRecord.From(Victim, TrialOutcome.Unfinished(TrialStatus.Failed, "boom"), new TrialTimings(0, 0));
        history.Add(failed);
        history.Add(ok);
        history.Add(failed);
        history.Current.ShouldHaveSingleItem().ShouldBe(ok);
        history.Superseded.ShouldHaveSingleItem().ShouldBe(failed);
        history.Duplicates.ShouldBe(1);
    }

    [Fact]
    public async Task A_worker_lost_mid_trial_costs_only_that_trial_which_runs_again_and_is_recorded_once()
    {
        using var dir = new TempDirectory();
        var plan = HandMadeSweep.Plan();
        var notes = new ConcurrentBag<string>();
        var worker = new DyingWorker(new FlakyRunner { Broken = false }, Victim.Id, losses: 2);
        var result = await new SweepRunner(worker).RunAsync(plan, ShardSpec.All, dir.Path, 2, null,
            new SyncProgress(p => { if (p.Note is { } n) notes.Add(n); }), CancellationToken.None);
        result.Ran.ShouldBe(15);
        result.Failed.ShouldBe(1, "only the hand-made divergence");
        worker.Calls.ShouldBe(3);
        var content = new TrialStore(dir.Path).Read();
        File.ReadAllLines(new TrialStore(dir.Path).FilePath).Count(l => l.Contains(Victim.Id, StringComparison.Ordinal)).ShouldBe(1);
        content.Records.Single(r => r.Id == Victim.Id).Metrics.ShouldBe(HandMadeSweep.Record(Victim).Metrics);
        notes.Order().ShouldBe([
            $"trial {Victim.Id} (gapreg λ=1 seed=1): its worker ended without a result (worker 4242 killed by signal 9); running it again (attempt 2 of 3)",
            $"trial {Victim.Id} (gapreg λ=1 seed=1): its worker ended without a result (worker 4242 killed by signal 9); running it again (attempt 3 of 3)",
        ]);
    }

    [Fact]
    public async Task A_trial_whose_worker_always_dies_is_recorded_as_failed_after_max_attempts()
    {
        using var dir = new TempDirectory();
        var worker = new DyingWorker(new FlakyRunner { Broken = false }, Victim.Id, losses: int.MaxValue);
        var result = await new SweepRunner(worker) { MaxAttempts = 2 }.RunAsync(HandMadeSweep.Plan(), ShardSpec.All, dir.Path, 1, null, null, CancellationToken.None);
        result.Failed.ShouldBe(2);
        worker.Calls.ShouldBe(2);
        new TrialStore(dir.Path).Read().Records.Single(r => r.Id == Victim.Id).Error
            .ShouldBe("its worker ended without a result 2 times in a row; last: worker 4242 killed by signal 9");
    }

    private sealed class SyncProgress(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => action(value);
    }
}
