using System.Collections.Concurrent;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

/// <summary>The persistent-worker protocol (spec lines in, record lines out), with /bin/sh standing in for
/// <c>fairsharp worker</c>: slice 1 of 8 of the hand-made plan is an erm and a gapreg trial.</summary>
public sealed class PersistentTrialWorkerTests
{
    private static readonly ShardSpec Slice = new(1, 8);

    /// <summary>A worker script that answers each spec with the hand-made record of its method, and kills itself
    /// (SIGKILL) on its first gapreg spec when <paramref name="die"/> and the marker file does not exist yet. It checks
/// its arguments and its thread setting (one job: every core).</summary>
    private static string Script(string dir, bool die)
    {
        var trials = HandMadeSweep.Plan().Slice(Slice);
        trials.Select(t => t.Method).ShouldBe(["erm", "gapreg"]);
        var erm = TrialStore.Serialize(HandMadeSweep.Record(trials[0]));
        var gapreg = TrialStore.Serialize(HandMadeSweep.Record(trials[1]));
        var marker = Path.Combine(dir, "killed-once");
        var path = Path.Combine(dir, "worker.sh");
        File.WriteAllText(path, $$"""
            [ "$1" = worker ] && [ "$OMP_NUM_THREADS" = 1 ] || exit 9
            while IFS= read -r line; do
              case "$line" in
                *'"method":"erm"'*) echo 'loading german'; echo '{{erm}}' ;;
                *'"method":"gapreg"'*)
                  if {{(die ? "true" : "false")}} && [ ! -e '{{marker}}' ]; then : > '{{marker}}'; echo 'out of memory' >&2; kill -9 $$; fi
                  echo '{{gapreg}}' ;;
              esac
            done
            """);
        return path;
    }

    [Fact]
    public async Task One_worker_process_serves_every_trial_of_a_one_job_sweep()
    {
        using var dir = new TempDirectory();
        using var pool = new PersistentTrialWorker(new WorkerCommand("/bin/sh", [Script(dir.Path, die: false)]));
        var result = await new SweepRunner(pool).RunAsync(HandMadeSweep.Plan(), Slice, Path.Combine(dir.Path, "sweep"), 1, null, null, CancellationToken.None);
        result.Ran.ShouldBe(2);
        pool.ProcessIds.Count.ShouldBe(1);
        var records = new TrialStore(Path.Combine(dir.Path, "sweep")).Read().Records;
        records.Select(TrialStore.Serialize).ShouldBe(HandMadeSweep.Plan().Slice(Slice).Select(t => TrialStore.Serialize(HandMadeSweep.Record(t))), ignoreOrder: true);
        pool.Dispose();
        pool.ProcessIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_worker_killed_mid_trial_costs_only_that_trial_which_a_fresh_worker_runs_again()
    {
        using var dir = new TempDirectory();
        using var pool = new PersistentTrialWorker(new WorkerCommand("/bin/sh", [Script(dir.Path, die: true)]));
        var notes = new ConcurrentBag<string>();
        var folder = Path.Combine(dir.Path, "sweep");
        var result = await new SweepRunner(pool).RunAsync(HandMadeSweep.Plan(), Slice, folder, 1, null,
            new SyncProgress(p => { if (p.Note is { } n) notes.Add(n); }), CancellationToken.None);
        result.Ran.ShouldBe(2);
        result.Failed.ShouldBe(0);
        var lines = File.ReadAllLines(new TrialStore(folder).FilePath);
        lines.Length.ShouldBe(2, "each trial recorded once");
        var gapreg = HandMadeSweep.Plan().Slice(Slice)[1];
        lines.ShouldContain(TrialStore.Serialize(HandMadeSweep.Record(gapreg)));
        var note = notes.ShouldHaveSingleItem();
        note.ShouldStartWith($"trial {gapreg.Id} (gapreg λ=1 seed=2): its worker ended without a result (worker ");
        note.ShouldEndWith(" killed by signal 9: out of memory); running it again (attempt 2 of 3)");
        pool.ProcessIds.Count.ShouldBe(1, "the dead worker was replaced, not kept");
    }

    private sealed class SyncProgress(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => action(value);
    }
}
