using System.Collections.Concurrent;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

public sealed class SweepRunnerTests
{
    /// <summary>Gives the hand-made results; throws for gapreg λ = 1, seed 1; counts the trials it ran.</summary>
    private sealed class FakeRunner : ITrialRunner
    {
        public ConcurrentBag<string> Ran { get; } = [];

        public IMethodCatalog Catalog => TestCatalog.Instance;

        public TrialOutcome Run(TrialSpec spec, CancellationToken cancellationToken)
        {
            Ran.Add(spec.Config.Id);
            Directory.CreateDirectory(spec.WorkDirectory);
            File.WriteAllText(Path.Combine(spec.WorkDirectory, "model.bin"), "weights");
            if (spec.Config is { Method: "gapreg", Lambda: 1.0, Seed: 1 })
            {
                throw new InvalidOperationException("out of cheese");
            }

            var r = HandMadeSweep.Record(spec.Config);
            return new TrialOutcome(r.Status, r.Metrics, r.ByGroup, r.ChosenEpoch, r.Error);
        }
    }

    [Fact]
    public async Task Runs_every_trial_once_records_failures_and_cleans_its_scratch_folder()
    {
        using var dir = new TempDirectory();
        var runner = new FakeRunner();
        var progress = new ConcurrentBag<SweepProgress>();
        var result = await new SweepRunner(new InProcessTrialWorker(runner))
            .RunAsync(HandMadeSweep.Plan(), ShardSpec.All, dir.Path, 3, null, new Progress<SweepProgress>(progress.Add), CancellationToken.None);
        result.ShouldBe(result with { Planned = 15, InSlice = 15, Skipped = 0, Ran = 15, Failed = 2 });
        runner.Ran.Count.ShouldBe(15);
        var records = new TrialStore(dir.Path).Read().Records;
        records.Select(r => r.Id).Order().ShouldBe(HandMadeSweep.Plan().Trials.Select(t => t.Id).Order());
        var failed = records.Single(r => r.Status == TrialStatus.Failed);
        failed.Error.ShouldBe("InvalidOperationException: out of cheese");
        failed.Config.ShouldBe(failed.Config with { Method = "gapreg", Lambda = 1.0, Seed = 1 });
        records.Count(r => r.Status == TrialStatus.Diverged).ShouldBe(1);
        Directory.Exists(Path.Combine(dir.Path, SweepRunner.WorkFolder)).ShouldBeFalse();
        File.Exists(Path.Combine(dir.Path, PlanFile.FileName)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_second_run_skips_every_finished_trial_and_runs_only_the_missing_ones()
    {
        using var dir = new TempDirectory();
        var plan = HandMadeSweep.Plan();
        var store = new TrialStore(dir.Path);
        PlanFile.WriteOrCheck(dir.Path, plan);
        foreach (var trial in plan.Trials.Take(6))
        {
            store.Append(HandMadeSweep.Record(trial));
        }

        File.AppendAllText(store.FilePath, "{\"id\":\"cut-by-a-kil");
        var runner = new FakeRunner();
        var result = await new SweepRunner(new InProcessTrialWorker(runner)).RunAsync(plan, ShardSpec.All, dir.Path, 2, null, null, CancellationToken.None);
        result.Skipped.ShouldBe(6);
        result.Ran.ShouldBe(9);
        runner.Ran.Order().ShouldBe(plan.Trials.Skip(6).Select(t => t.Id).Order());
        var content = store.Read();
        content.Records.Count.ShouldBe(15);
        content.IgnoredLines.ShouldBe(1);
        content.DuplicateLines.ShouldBe(0);

        var again = await new SweepRunner(new InProcessTrialWorker(runner)).RunAsync(plan, ShardSpec.All, dir.Path, 2, null, null, CancellationToken.None);
        again.Ran.ShouldBe(0);
        again.Skipped.ShouldBe(15);
    }

    [Fact]
    public async Task Shards_run_in_their_own_folders_add_up_to_the_plan()
    {
        using var dir = new TempDirectory();
        var plan = HandMadeSweep.Plan();
        var ids = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            var folder = Path.Combine(dir.Path, $"shard-{i}");
            var result = await new SweepRunner(new InProcessTrialWorker(new FakeRunner())).RunAsync(plan, new ShardSpec(i, 4), folder, 2, null, null, CancellationToken.None);
            result.InSlice.ShouldBe(i <= 3 ? 4 : 3);
            ids.AddRange(new TrialStore(folder).Read().Records.Select(r => r.Id));
        }

        ids.Order().ShouldBe(plan.Trials.Select(t => t.Id).Order());
    }

    [Fact]
    public async Task A_folder_with_another_plan_is_refused_before_any_trial_runs()
    {
        using var dir = new TempDirectory();
        var runner = new FakeRunner();
        PlanFile.WriteOrCheck(dir.Path, SweepPlan.Create(new SweepOptions(), TestCatalog.Instance));
        var e = await Should.ThrowAsync<InvalidInputException>(() =>
            new SweepRunner(new InProcessTrialWorker(runner)).RunAsync(HandMadeSweep.Plan(), ShardSpec.All, dir.Path, 1, null, null, CancellationToken.None));
        e.Message.ShouldStartWith($"{dir.Path} holds a different sweep plan (methods erm,gapreg,fairmixup,fairer → erm,gapreg,fairmixup; lambdas 0.1,0.3,1,3 → 0.1,1; epochs (default) → 2)");
        runner.Ran.ShouldBeEmpty();
        File.Exists(Path.Combine(dir.Path, TrialStore.FileName)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_folder_in_use_by_another_running_sweep_is_refused()
    {
        using var dir = new TempDirectory();
        var plan = HandMadeSweep.Plan();
        PlanFile.WriteOrCheck(dir.Path, plan);
        using (new FileStream(Path.Combine(dir.Path, SweepRunner.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var e = await Should.ThrowAsync<InvalidInputException>(() =>
                new SweepRunner(new InProcessTrialWorker(new FakeRunner())).RunAsync(plan, ShardSpec.All, dir.Path, 1, null, null, CancellationToken.None));
            e.Message.ShouldBe($"{dir.Path} is in use by another running fairsharp sweep; wait for it or use another --out folder");
        }

        (await new SweepRunner(new InProcessTrialWorker(new FakeRunner())).RunAsync(plan, ShardSpec.All, dir.Path, 1, null, null, CancellationToken.None)).Ran.ShouldBe(15);
    }

    [Fact]
    public async Task Jobs_below_one_are_refused() =>
        (await Should.ThrowAsync<InvalidInputException>(() =>
            new SweepRunner(new InProcessTrialWorker(new FakeRunner())).RunAsync(HandMadeSweep.Plan(), ShardSpec.All, "/tmp/unused", 0, null, null, CancellationToken.None)))
        .Message.ShouldBe("--jobs must be ≥ 1, got 0");
}
