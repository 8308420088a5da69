using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>Class 6, "debris": a run killed while writing leaves a temporary named <c>.NAME.tmp-PID-GUID</c>; the next
/// run into the same folder removes the ones whose process is gone, and leaves a live writer's alone.</summary>
public sealed class Class6DebrisTests : IDisposable
{
    private const string DeadPid = "2147483000";

    private readonly Hostile _h = new();

    public void Dispose() => _h.Dispose();

    private static string Guid32 => Guid.NewGuid().ToString("N");

    [Fact]
    public void Train_removes_the_temporary_output_folder_of_a_killed_train()
    {
        var left = _h.PathOf($".run.tmp-{DeadPid}-{Guid32}");
        _h.Write(Path.Combine(Path.GetFileName(left), "model.bin"), "half");
        var (exit, _, error) = CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex", "--steps", "1", "--threads", "1", "--out", _h.PathOf("run2"));
        exit.ShouldBe(ExitCodes.Success, error);
        Directory.Exists(left).ShouldBeFalse();
        Directory.GetFileSystemEntries(_h.Root).Select(Path.GetFileName).ShouldBe(["run2"]);
    }

    [Fact]
    public void Report_removes_a_half_written_file_of_a_killed_report_and_keeps_a_live_writers()
    {
        var a = _h.SweepFolder("a");
        var dead = _h.Write($"a/.summary.csv.tmp-{DeadPid}-{Guid32}", "half");
        var live = _h.Write($"a/.report.md.tmp-{Environment.ProcessId}-{Guid32}", "being written");
        CliRunner.Run("report", "--in", a, "--bootstrap", "100").Exit.ShouldBe(ExitCodes.Success);
        File.Exists(dead).ShouldBeFalse();
        File.Exists(live).ShouldBeTrue();
    }

    [Fact]
    public void A_file_that_only_looks_like_a_temporary_is_left_alone()
    {
        var a = _h.SweepFolder("a");
        var mine = _h.Write($"a/.notes.tmp-{DeadPid}-not-a-guid", "mine");
        CliRunner.Run("report", "--in", a, "--bootstrap", "100").Exit.ShouldBe(ExitCodes.Success);
        File.Exists(mine).ShouldBeTrue();
    }

    [Fact]
    public void A_refused_command_leaves_no_probe_or_temporary_behind()
    {
        var folder = _h.PathOf("busy");
        _h.Write("busy/keep.txt", "keep");
        CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex", "--out", folder).Exit.ShouldBe(ExitCodes.BadInput);
        Directory.GetFileSystemEntries(_h.Root).Select(Path.GetFileName).ShouldBe(["busy"]);
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).ShouldBe(["keep.txt"]);
    }

    [Fact]
    public void A_sweep_clears_the_scratch_folder_a_killed_sweep_left()
    {
        var folder = _h.SweepFolder("s", options: Hostile.GermanOptions with { Methods = ["erm"], Seeds = 1 });
        var stale = _h.Write($"s/{SweepRunner.WorkFolder}/deadbeef.spec.json", "{}");
        var (exit, _, error) = CliRunner.Run("sweep", "--dataset", "german", "--methods", "erm", "--lambdas", "1", "--seeds", "1", "--epochs", "1", "--jobs", "1", "--bootstrap", "100", "--out", folder);
        exit.ShouldBe(ExitCodes.Success, error);
        File.Exists(stale).ShouldBeFalse();
        Directory.Exists(Path.Combine(folder, SweepRunner.WorkFolder)).ShouldBeFalse();
    }
}
