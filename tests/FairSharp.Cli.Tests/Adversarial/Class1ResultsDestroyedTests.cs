using FairSharp.Experiments;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>Class 1, "results destroyed": nothing a command does may remove a finished trial. <c>report --out</c>
/// writes into a folder that holds trials only as a merge of the same plan that keeps every record.</summary>
public sealed class Class1ResultsDestroyedTests : IDisposable
{
    private readonly Hostile _h = new();

    public void Dispose() => _h.Dispose();

    private static string[] Ids(string folder) => new TrialStore(folder).Read().Records.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Report_out_onto_a_sweep_folder_of_another_plan_is_refused_and_leaves_it_as_it_was()
    {
        var a = _h.SweepFolder("a");
        var b = _h.SweepFolder("b", options: Hostile.GermanOptions with { Seeds = 1 });
        Hostile.Refuses(["report", "--in", a, "--out", b], Hostile.F(ExperimentErrors.MergeIntoOtherPlan, b), a, b);
    }

    [Fact]
    public void Report_out_onto_a_sibling_shard_keeps_every_record_of_both()
    {
        var a = _h.SweepFolder("a", new ShardSpec(1, 2));
        var b = _h.SweepFolder("b", new ShardSpec(2, 2));
        var before = Ids(a).Concat(Ids(b)).Order(StringComparer.Ordinal).ToArray();
        Ids(b).Length.ShouldBe(2);
        var (exit, _, error) = CliRunner.Run("report", "--in", a, "--out", b, "--bootstrap", "100");
        exit.ShouldBe(ExitCodes.Success, error);
        Ids(b).ShouldBe(before);
        File.ReadAllText(Path.Combine(b, "report.md")).ShouldContain("| trials | 4 planned, 4 finished, 0 failed or diverged |");
    }

    [Fact]
    public void Merging_twice_into_the_same_folder_resumes_the_merge_without_losing_or_doubling_records()
    {
        var a = _h.SweepFolder("a", new ShardSpec(1, 2));
        var b = _h.SweepFolder("b", new ShardSpec(2, 2));
        var merged = _h.PathOf("merged");
        CliRunner.Run("report", "--in", a, "--out", merged, "--bootstrap", "100").Exit.ShouldBe(ExitCodes.Success);
        Ids(merged).Length.ShouldBe(2);
        CliRunner.Run("report", "--in", b, "--out", merged, "--bootstrap", "100").Exit.ShouldBe(ExitCodes.Success);
        Ids(merged).ShouldBe(Ids(a).Concat(Ids(b)).Order(StringComparer.Ordinal).ToArray());
        File.ReadAllLines(Path.Combine(merged, TrialStore.FileName)).Length.ShouldBe(4);
    }

    [Fact]
    public void Report_out_onto_a_folder_where_a_sweep_is_running_is_refused()
    {
        var a = _h.SweepFolder("a", new ShardSpec(1, 2));
        var b = _h.SweepFolder("b", new ShardSpec(2, 2));
        using var running = SweepFolderLock.Take(b);
        Hostile.Refuses(["report", "--in", a, "--out", b], Hostile.F(ExperimentErrors.FolderInUse, b), a);
        Ids(b).Length.ShouldBe(2);
    }

    [Fact]
    public void Report_out_onto_trials_without_a_plan_is_refused()
    {
        var a = _h.SweepFolder("a");
        var b = _h.PathOf("b");
        _h.Write("b/trials.jsonl", File.ReadAllText(Path.Combine(a, TrialStore.FileName)));
        Hostile.Refuses(["report", "--in", a, "--out", b], Hostile.F(ExperimentErrors.NoPlan, b), a, b);
    }

    [Fact]
    public void A_garbage_line_in_the_middle_of_trials_is_named_not_blamed_on_a_kill()
    {
        var a = _h.SweepFolder("a");
        var file = Path.Combine(a, TrialStore.FileName);
        var lines = File.ReadAllLines(file).ToList();
        lines.Insert(2, "<not a record>");
        File.WriteAllLines(file, lines);
        Hostile.Refuses(["report", "--in", a], Hostile.F(ExperimentErrors.BadTrialLine, file, 3, "not JSON (at character 1)"), a);
    }

    [Fact]
    public void A_json_line_that_is_not_a_record_is_named()
    {
        var a = _h.SweepFolder("a");
        var file = Path.Combine(a, TrialStore.FileName);
        File.AppendAllText(file, "{\"id\":\"x\"}\n");
        Hostile.Refuses(["report", "--in", a], Hostile.F(ExperimentErrors.BadTrialLine, file, 5, "a JSON object without the fields of a trial record"), a);
    }

    [Fact]
    public void A_line_cut_short_by_a_kill_is_skipped_and_counted_and_the_records_stay()
    {
        var a = _h.SweepFolder("a");
        var file = Path.Combine(a, TrialStore.FileName);
        var text = File.ReadAllText(file);
        var last = text.TrimEnd('\n').Split('\n')[^1];
        File.WriteAllText(file, text + last[..(last.Length / 2)] + "\n" + last.Replace("\"id\"", "\"id\"", StringComparison.Ordinal) + "\n");
        var (exit, _, error) = CliRunner.Run("report", "--in", a, "--bootstrap", "100");
        exit.ShouldBe(ExitCodes.Success, error);
        error.ShouldBe("fairsharp: ignored 1 incomplete line(s) of trials.jsonl (a run was killed while writing)" + Environment.NewLine);
        Ids(a).Length.ShouldBe(4);
    }

    [Fact]
    public void Report_in_place_never_rewrites_the_trials()
    {
        var a = _h.SweepFolder("a");
        var trials = Path.Combine(a, TrialStore.FileName);
        var before = Hostile.Snapshot(trials);
        CliRunner.Run("report", "--in", a, "--bootstrap", "100").Exit.ShouldBe(ExitCodes.Success);
        Hostile.Snapshot(trials).ShouldBe(before);
    }
}
