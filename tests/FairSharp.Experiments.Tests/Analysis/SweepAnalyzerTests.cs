using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Analysis;

public sealed class SweepAnalyzerTests
{
    private static SweepAnalysis Analyze(AnalysisOptions? options = null) =>
        SweepAnalyzer.Analyze(HandMadeSweep.Plan().Trials, HandMadeSweep.Records(), options ?? new AnalysisOptions());

    [Fact]
    public void Points_are_means_and_sample_stds_over_the_finished_seeds()
    {
        var analysis = Analyze();
        analysis.GapKey.ShouldBe("demographic_parity_difference");
        analysis.Curves.Select(c => c.Curve).ShouldBe(["erm", "gapreg", "fairmixup"]);
        var gapreg = analysis.Curves[1];
        gapreg.Points.Select(p => p.Lambda).ShouldBe([0.1, 1.0]);
        gapreg.Points[0].Utility.Mean.ShouldBe(0.84, 1e-12);
        gapreg.Points[0].Utility.Std.ShouldBe(0.01, 1e-12);
        gapreg.Points[0].Gap.Mean.ShouldBe(0.10, 1e-12);
        gapreg.Points[0].Utility.Count.ShouldBe(3);
        var diverged = analysis.Curves[2].Points[1];
        diverged.Seeds.ShouldBe([0, 1]);
        diverged.Failed.ShouldBe(1);
        diverged.Utility.Mean.ShouldBe(0.795, 1e-12);
        diverged.Utility.Std.ShouldBe(Math.Sqrt(0.00005), 1e-12);
        analysis.Trials.ShouldBe(15);
        analysis.Finished.ShouldBe(15);
        analysis.Failed.ShouldBe(1);
        analysis.Groups.ShouldBe(["sex=Female", "sex=Male"]);
        gapreg.Points[0].ByGroup["sex=Male"]["selection_rate"].ShouldBe(0.20, 1e-12);
    }

    [Fact]
    public void A_partial_sweep_speaks_of_the_seeds_it_has_finished_not_the_planned_ones()
    {
        var records = HandMadeSweep.Records().Where(r => r.Config.Seed == 0).ToArray();
        var analysis = SweepAnalyzer.Analyze(HandMadeSweep.Plan().Trials, records, new AnalysisOptions());
        HandMadeSweep.Plan().Trials.Select(t => t.Seed).Distinct().Count().ShouldBeGreaterThan(1);
        analysis.Verdict.ShouldContain(v => v.StartsWith("With one seed there is no spread to resample", StringComparison.Ordinal));
        analysis.Verdict.Where(v => v.Contains("bootstrap resamples of the", StringComparison.Ordinal))
            .ShouldAllBe(v => v.Contains("resamples of the 1 seeds", StringComparison.Ordinal));
    }

    [Fact]
    public void Fronts_and_hypervolumes_against_the_sweeps_nadir()
    {
        var analysis = Analyze();
        analysis.ReferenceFromData.ShouldBeTrue();
        analysis.Reference.Utility.ShouldBe(0.79, 1e-12);
        analysis.Reference.Gap.ShouldBe(0.19, 1e-12);
        // erm: 0.06·0.01; gapreg: 0.03·0.07 + 0.05·0.09; fairmixup: 0.005·0.065 + 0.04·0.07.
        analysis.Curves.Select(c => c.Hypervolume.Value).ToArray().ShouldBe([0.0006, 0.0066, 0.003125], 1e-12);
        analysis.Curves[1].Front.Select(p => p.Lambda).ShouldBe([1.0, 0.1]);
        analysis.Curves[1].Points.ShouldAllBe(p => p.OnFront);
    }

    [Fact]
    public void Chosen_points_are_the_fairest_within_one_point_of_erm_accuracy()
    {
        var analysis = Analyze();
        analysis.Curves[0].Chosen!.Method.ShouldBe("erm");
        analysis.Curves[1].Chosen!.Lambda.ShouldBe(0.1);
        analysis.Curves[2].Chosen!.Lambda.ShouldBe(0.1, "no fairmixup point is within 0.01 of erm: the most accurate one");
        Analyze(new AnalysisOptions { UtilityTolerance = 0.05 }).Curves[1].Chosen!.Lambda.ShouldBe(1.0);
    }

    [Fact]
    public void The_best_method_is_compared_with_each_other_paired_by_seed()
    {
        var analysis = Analyze();
        analysis.Comparisons.Select(c => (c.Better, c.Other)).ShouldBe([("gapreg", "erm"), ("gapreg", "fairmixup")]);
        var vsMixup = analysis.Comparisons[1];
        vsMixup.Difference.Value.ShouldBe(0.0066 - 0.003125, 1e-12);
        vsMixup.FrontCovers.ShouldBeTrue();
        vsMixup.Difference.Low.ShouldBeGreaterThan(0);
        vsMixup.Confident.ShouldBeTrue();
        vsMixup.ProbabilityBetter.ShouldBe(1.0);
        analysis.Comparisons[0].FrontCovers.ShouldBeFalse();
        analysis.Verdict[1].ShouldStartWith("gapreg has the largest hypervolume: 0.0066 (95% CI ");
        analysis.Verdict[3].ShouldStartWith("gapreg beats fairmixup with confidence: difference 0.003475 (95% CI ");
        analysis.Verdict[3].ShouldEndWith("Every mean point of fairmixup is matched or beaten on both accuracy and demographic parity difference by gapreg's front.");
    }

    [Fact]
    public void The_bootstrap_is_seeded_and_its_intervals_bracket_the_estimates()
    {
        var a = Analyze();
        var b = Analyze();
        a.Curves.Select(c => c.Hypervolume).ShouldBe(b.Curves.Select(c => c.Hypervolume));
        Analyze(new AnalysisOptions { Seed = 1 }).Curves[1].Hypervolume.ShouldNotBe(a.Curves[1].Hypervolume);
        foreach (var point in a.Curves.SelectMany(c => c.Points))
        {
            point.Utility.Low.ShouldBeLessThanOrEqualTo(point.Utility.Mean + 1e-12);
            point.Utility.High.ShouldBeGreaterThanOrEqualTo(point.Utility.Mean - 1e-12);
        }
    }

    [Fact]
    public void A_given_reference_point_and_gap_key_are_used()
    {
        var analysis = Analyze(new AnalysisOptions { GapKey = "equalized_odds_difference", HypervolumeReference = new TradeoffCoordinates(0.5, 1.0) });
        analysis.ReferenceFromData.ShouldBeFalse();
        analysis.Curves[0].Hypervolume.Value.ShouldBe(0.35 * (1 - (0.18 * 0.75)), 1e-12);
    }

    [Fact]
    public void Identical_points_enclose_no_area_and_the_verdict_says_so_instead_of_ranking()
    {
        var records = HandMadeSweep.Plan().Trials.Select(t => TrialRecord.From(t,
            new TrialOutcome(TrialStatus.Ok, new Dictionary<string, double> { ["accuracy"] = 0.7, ["demographic_parity_difference"] = 0 },
                new Dictionary<string, IReadOnlyDictionary<string, double>>(), 0, null) { Degenerate = ["every prediction is 1"] },
            new TrialTimings(0, 0))).ToArray();
        var analysis = SweepAnalyzer.Analyze(HandMadeSweep.Plan().Trials, records, new AnalysisOptions());
        analysis.Curves.ShouldAllBe(c => c.Hypervolume.Value == 0);
        analysis.Verdict[1].ShouldStartWith("No front encloses any area against the reference point");
        analysis.Verdict.Count(v => v.StartsWith("Careful: at ", StringComparison.Ordinal)).ShouldBe(3);
        analysis.Verdict.ShouldNotContain(v => v.Contains("has the largest hypervolume", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_metric_key_is_refused_naming_the_keys_found() =>
        Should.Throw<InvalidInputException>(() => Analyze(new AnalysisOptions { UtilityKey = "auc" })).Message
            .ShouldBe("metric 'auc' is not in the trial results (found: accuracy, average_precision, demographic_parity_difference, equalized_odds_difference)");

    [Fact]
    public void A_sweep_without_a_finished_trial_is_refused()
    {
        var failed = HandMadeSweep.Plan().Trials.Select(t => TrialRecord.From(t, TrialOutcome.Unfinished(TrialStatus.Failed, "boom"), new TrialTimings(0, 0))).ToArray();
        Should.Throw<InvalidInputException>(() => SweepAnalyzer.Analyze(HandMadeSweep.Plan().Trials, failed, new AnalysisOptions())).Message
            .ShouldBe(ExperimentErrors.NoFinishedTrials);
    }

    [Theory]
    [InlineData(50, 0.95, 0.01, "--bootstrap must be ≥ 100 resamples, got 50")]
    [InlineData(1000, 1.0, 0.01, "--confidence must be in (0, 1), got 1")]
    [InlineData(1000, 0.95, -0.1, "--utility-tolerance must be a finite number ≥ 0, got -0.1")]
    public void Bad_analysis_options_are_refused(int resamples, double confidence, double tolerance, string message) =>
        Should.Throw<InvalidInputException>(() => new AnalysisOptions { Resamples = resamples, Confidence = confidence, UtilityTolerance = tolerance }.Validate())
            .Message.ShouldBe(message);
}
