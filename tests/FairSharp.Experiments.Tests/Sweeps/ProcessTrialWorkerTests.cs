using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

/// <summary>The worker-process protocol, with /bin/sh standing in for <c>fairsharp trial</c>.</summary>
public sealed class ProcessTrialWorkerTests
{
    private static TrialSpec Spec(string dir) =>
        new(HandMadeSweep.Plan().Trials[4], null, Path.Combine(dir, ".work", HandMadeSweep.Plan().Trials[4].Id), 1);

    [Fact]
    public async Task The_record_is_the_last_json_line_of_the_workers_output()
    {
        using var dir = new TempDirectory();
        var spec = Spec(dir.Path);
        var line = TrialStore.Serialize(HandMadeSweep.Record(spec.Config));
        var script = Path.Combine(dir.Path, "worker.sh");
        // Checks its arguments and its thread settings, then prints a log line and the record.
        File.WriteAllText(script, $"""
            [ "$1" = trial ] && [ "$2" = --spec ] && [ -f "$3" ] && [ "$OMP_NUM_THREADS" = 1 ] || exit 3
            echo "loading adult"
            echo '{line}'
            """);
        var record = await new ProcessTrialWorker(new WorkerCommand("/bin/sh", [script])).RunAsync(spec, CancellationToken.None);
        TrialStore.Serialize(record).ShouldBe(line);
        Directory.GetFiles(Path.Combine(dir.Path, ".work")).ShouldBeEmpty("the spec file is removed");
    }

    [Fact]
    public async Task A_worker_that_dies_without_a_record_is_a_lost_worker_with_its_last_error_line()
    {
        using var dir = new TempDirectory();
        var spec = Spec(dir.Path);
        var e = await Should.ThrowAsync<WorkerLostException>(() =>
            new ProcessTrialWorker(new WorkerCommand("/bin/sh", ["-c", "echo partial; echo 'first' >&2; echo 'Segmentation fault' >&2; exit 139", "sh"]))
                .RunAsync(spec, CancellationToken.None));
        e.Message.ShouldBe("worker exited with code 139 without a result: Segmentation fault");
        Directory.GetFiles(Path.Combine(dir.Path, ".work")).ShouldBeEmpty("the spec file is removed");
    }
}
