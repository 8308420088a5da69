using FairSharp.Cli.Commands;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    private static readonly string[] Sweep =
        ["sweep", "--dataset", "german", "--methods", "erm,gapreg", "--lambdas", "1", "--seeds", "1", "--epochs", "1", "--jobs", "1"];

    [Fact]
    public void Shards_run_separately_merge_into_one_complete_sweep_folder()
    {
        var root = Directory.CreateTempSubdirectory("fairsharp-report-").FullName;
        try
        {
            var shards = new[] { "1/2", "2/2" }.Select((s, i) =>
            {
                var folder = Path.Combine(root, $"shard-{i + 1}");
                var (exit, output, error) = CliRunner.Run([.. Sweep, "--shard", s, "--out", folder]);
                exit.ShouldBe(ExitCodes.Success, error);
                output.ShouldContain($"shard {s}: merge all shards with: fairsharp report --in DIR1 DIR2 … --out MERGED");
                return folder;
            }).ToArray();
            new TrialStore(shards[0]).Read().Records.Single().Config.Method.ShouldBe("erm");
            new TrialStore(shards[1]).Read().Records.Single().Config.Method.ShouldBe("gapreg");

            var merged = Path.Combine(root, "merged");
            var (code, text, err) = CliRunner.Run("report", "--in", shards[0], shards[1], "--out", merged);
            code.ShouldBe(ExitCodes.Success, err);
            text.ShouldContain("| erm ");
            text.ShouldContain("| gapreg ");
            text.ShouldContain($"plot:   {Path.Combine(merged, "pareto.png")}");
            new TrialStore(merged).Read().Records.Select(r => r.Config.Method).ShouldBe(["erm", "gapreg"]);
            foreach (var file in new[] { "report.md", "summary.csv", "pareto.png", "pareto.svg", "plan.json" })
            {
                File.Exists(Path.Combine(merged, file)).ShouldBeTrue(file);
            }

            var report = File.ReadAllText(Path.Combine(merged, "report.md"));
            report.ShouldContain("| trials | 2 planned, 2 finished, 0 failed or diverged |");
            report.ShouldContain("None: every planned trial finished ok.");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Several_folders_without_out_are_refused()
    {
        var (exit, _, error) = CliRunner.Run("report", "--in", "/tmp/a", "/tmp/b");
        exit.ShouldBe(ExitCodes.BadInput);
        error.TrimEnd().ShouldBe("fairsharp: " + CliErrors.OutRequired);
    }

    [Fact]
    public void A_folder_that_is_not_a_sweep_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("fairsharp-report-").FullName;
        var (exit, output, error) = CliRunner.Run("report", "--in", folder);
        exit.ShouldBe(ExitCodes.BadInput);
        error.TrimEnd().ShouldBe($"fairsharp: {folder}: no plan.json (not a sweep output folder)");
        output.ShouldBeEmpty();
        Directory.Delete(folder);
    }
}
