using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Reports;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Reports;

public sealed class ReportMarkdownTests
{
    [Fact]
    public void The_report_of_the_hand_made_sweep_matches_the_approved_file()
    {
        var plan = PlanDocument.Of(HandMadeSweep.Plan());
        var records = HandMadeSweep.Records();
        var analysis = SweepAnalyzer.Analyze(plan.Trials, records, new AnalysisOptions());
        var figures = new Dictionary<string, string> { [""] = "pareto.png", ["gapreg"] = "groups-gapreg.png" };
        Approvals.Verify(ReportMarkdown.Render(plan, analysis, records, figures), "HandMadeSweep.report", "md");
    }

    [Fact]
    public void The_report_does_not_depend_on_the_order_trials_finished_in()
    {
        var plan = PlanDocument.Of(HandMadeSweep.Plan());
        var records = HandMadeSweep.Records();
        var shuffled = records.Reverse().ToArray();
        var figures = new Dictionary<string, string>();
        var a = ReportMarkdown.Render(plan, SweepAnalyzer.Analyze(plan.Trials, records, new AnalysisOptions()), records, figures);
        var b = ReportMarkdown.Render(plan, SweepAnalyzer.Analyze(plan.Trials, shuffled, new AnalysisOptions()), shuffled, figures);
        b.ShouldBe(a);
    }

    [Fact]
    public void Missing_trials_are_reported_as_such()
    {
        var plan = PlanDocument.Of(HandMadeSweep.Plan());
        var records = HandMadeSweep.Records().Where(r => r.Config.Seed != 1).ToArray();
        var text = ReportMarkdown.Render(plan, SweepAnalyzer.Analyze(plan.Trials, records, new AnalysisOptions()), records, new Dictionary<string, string>());
        text.ShouldContain("5 planned trials have no result yet (another shard, or an interrupted run: re-run the same command to resume).");
        text.ShouldContain("| trials | 15 planned, 10 finished, 1 failed or diverged |");
    }
}
