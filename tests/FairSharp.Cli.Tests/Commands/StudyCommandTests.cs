using FairSharp.Experiments.Study;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Commands;

public sealed class StudyCommandTests
{
    private static string TempFolder() => Directory.CreateTempSubdirectory("fairsharp-study-").FullName;

    [Fact]
    public void The_tiny_study_runs_every_section_resumes_without_rerunning_and_its_report_is_regenerated_identically()
    {
        var folder = TempFolder();
        try
        {
            var (exit, output, error) = CliRunner.Run("study", "--tiny", "--jobs", "2", "--out", folder);
            exit.ShouldBe(ExitCodes.Success, error);
            output.ShouldContain("report: ");
            var report = File.ReadAllText(Path.Combine(folder, StudyReport.FileName));
            foreach (var heading in new[] { "## Verdicts", "## Parts", "## 1. ", "λ_align at which FAIRER's front dominates GapReg's", "## 2. ", "## 3. ", "## 4. ", "## 5. ", "## 6. ", "## 7. Cost", "## Setup, hardware and deviations" })
            {
                report.ShouldContain(heading);
            }

            report.ShouldContain("CI version");
            report.ShouldContain("| **pooled** |");
            report.ShouldContain("Does GapReg align rationales? GapReg's cosine");
            report.ShouldContain("### Does any in-processing method beat ERM + thresholds?");
            report.ShouldNotContain("No trial with rationale cosines yet");
            report.ShouldNotContain("No paired trials yet");
            Directory.GetFiles(Path.Combine(folder, "reproduction"), "fairer-adult-dp-rationale-*.png").ShouldNotBeEmpty();
            report.ShouldNotContain("not run yet (");
            report.ShouldContain("| tfs stitch_layer=2 fine_tune_on=train+val | fdr stitch_layer=2 fine_tune_on=train+val |");
            report.ShouldContain("| tfs stitch_layer=2 fine_tune_on=train | tfs stitch_layer=2 fine_tune_on=train+val |");
            // The MLP's earlier stitch points are not the penultimate one in another form: claim 5 is decided by seeds.
            report.ShouldContain("Stitch points of the backbone: 0 = ");
            report.ShouldNotContain($"**{ClaimVerdict.NotTested}**");
            foreach (var part in new[] { "fairer-adult-dp", "fairer-adult-eo", "fairer-credit-dp", "fairer-utkface-dp", "tfs-utkface", "tfs-utkface-batch1", "threshold-adult-dp", "threshold-adult-eo", "ffb-adult" })
            {
                File.Exists(Path.Combine(folder, part, TrialStore.FileName)).ShouldBeTrue(part);
                File.Exists(Path.Combine(folder, "reproduction", $"{part}.png")).ShouldBeTrue(part);
            }

            var (again, _, againError) = CliRunner.Run("study", "--tiny", "--jobs", "2", "--out", folder);
            again.ShouldBe(ExitCodes.Success, againError);
            againError.ShouldNotContain(" 1 trials run");
            againError.ShouldContain("study: fairer-adult-dp: 0 trials run (0 failed or diverged), 12 already done");

            var copy = Path.Combine(folder, "copy.md");
            var (regenerated, _, regeneratedError) = CliRunner.Run("study", "--out", folder, "--report-only", "--report", copy);
            regenerated.ShouldBe(ExitCodes.Success, regeneratedError);
            File.ReadAllText(copy).Replace("copy/", "reproduction/", StringComparison.Ordinal).ShouldBe(report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_partial_study_reports_the_parts_not_run_and_reads_shard_folders()
    {
        var folder = TempFolder();
        try
        {
            foreach (var shard in new[] { "1/2", "2/2" })
            {
                var (exit, _, error) = CliRunner.Run("study", "--tiny", "--parts", "ffb-german", "--shard", shard, "--jobs", "1", "--out", folder);
                exit.ShouldBe(ExitCodes.Success, error);
            }

            Directory.GetDirectories(Path.Combine(folder, "ffb-german")).Select(Path.GetFileName).Order().ShouldBe(["shard-1-of-2", "shard-2-of-2"]);
            var report = File.ReadAllText(Path.Combine(folder, StudyReport.FileName));
            report.ShouldContain("| `fairer-adult-dp` | 1 |");
            report.ShouldContain("not run yet (0 of 12 trials)");
            report.ShouldContain("| `ffb-german` | 6 | FFB's ERM table: german (sex), ffb protocol | 2 | done (0 failed or diverged) |");
            report.ShouldContain("| `ffb-german`: german (sex) | FairSharp | 2 |");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Two_shards_of_a_study_part_give_the_records_ids_metrics_and_report_of_the_unsharded_run()
    {
        var whole = TempFolder();
        var sharded = TempFolder();
        const string parts = "ffb-german,threshold-adult-eo,fairer-adult-dp";
        try
        {
            var (exit, _, error) = CliRunner.Run("study", "--tiny", "--parts", parts, "--jobs", "2", "--out", whole);
            exit.ShouldBe(ExitCodes.Success, error);
            foreach (var shard in new[] { "1/2", "2/2" })
            {
                var run = CliRunner.Run("study", "--tiny", "--parts", parts, "--shard", shard, "--jobs", "2", "--out", sharded);
                run.Exit.ShouldBe(ExitCodes.Success, run.Err);
            }

            foreach (var part in parts.Split(','))
            {
                Directory.GetDirectories(Path.Combine(sharded, part)).Select(Path.GetFileName).Order().ShouldBe(["shard-1-of-2", "shard-2-of-2"]);
                var a = Records(whole, part);
                var b = Records(sharded, part);
                b.Select(r => r.Id).ShouldBe(a.Select(r => r.Id), part);
                foreach (var (x, y) in a.Zip(b))
                {
                    y.Status.ShouldBe(x.Status);
                    y.Metrics.ShouldBe(x.Metrics, $"{part} {x.Id}");
                    y.RationaleCosines.ShouldBe(x.RationaleCosines, $"{part} {x.Id}");
                }
            }

            // The reports agree up to the cost section (wall times) and the folder named in the first lines.
            static string Body(string folder)
            {
                var text = File.ReadAllText(Path.Combine(folder, StudyReport.FileName));
                text = text[..text.IndexOf("## 7. Cost", StringComparison.Ordinal)];
                return string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("Generated by", StringComparison.Ordinal)));
            }

            Body(sharded).ShouldBe(Body(whole));
        }
        finally
        {
            Directory.Delete(whole, recursive: true);
            Directory.Delete(sharded, recursive: true);
        }
    }

    private static IReadOnlyList<TrialRecord> Records(string folder, string part) =>
        SweepFolders.Read(StudyPlan.SweepFoldersOf(folder, part)).Records.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(new[] { "--parts", "nope" }, "fairsharp: --parts: 'nope' is not a part of the study (parts: fairer-adult-dp,")]
    [InlineData(new[] { "--seeds", "0" }, "fairsharp: --seeds must be a number of seeds ≥ 1, got 0")]
    [InlineData(new[] { "--report-only" }, "fairsharp: ")]
    public void Bad_input_is_one_line_and_exit_code_2_and_nothing_is_written(string[] args, string message)
    {
        var folder = Path.Combine(TempFolder(), "out");
        var (exit, output, error) = CliRunner.Run(["study", "--tiny", "--out", folder, .. args]);
        exit.ShouldBe(ExitCodes.BadInput, error);
        error.ShouldStartWith(message);
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        output.ShouldBeEmpty();
        Directory.Exists(folder).ShouldBeFalse();
    }
}
