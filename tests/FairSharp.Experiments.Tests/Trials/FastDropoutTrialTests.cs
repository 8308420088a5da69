using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Tests.Trials;

/// <summary><c>sweep --fast-dropout</c>: the trained networks' trials are marked, get other ids (other numbers), and
/// their runs train with managed dropout masks, which result.json records; a sweep without it keeps its ids.</summary>
public sealed class FastDropoutTrialTests
{
    private static readonly SweepOptions German = new()
    {
        Dataset = "german", Sensitive = ["sex"], Methods = ["erm", "gapreg", "tfs"], Lambdas = [0.5], Seeds = 1, Seed = 2, Epochs = 1,
    };

    [Fact]
    public void Fast_dropout_marks_every_trained_network_and_changes_only_those_ids()
    {
        var catalog = new TrainingTrialRunner().Catalog;
        var plain = SweepPlan.Create(German, catalog);
        var fast = SweepPlan.Create(German with { FastDropout = true }, catalog);
        plain.Trials.ShouldAllBe(t => t.FastDropout == null);
        plain.Trials.ShouldAllBe(t => !t.CanonicalJson().Contains("FastDropout", StringComparison.OrdinalIgnoreCase));
        fast.Trials.Where(t => t.Method != "tfs").ShouldAllBe(t => t.FastDropout == true);
        fast.Trials.Single(t => t.Method == "tfs").FastDropout.ShouldBeNull();
        fast.Trials.Where(t => t.Method != "tfs").Select(t => t.Id).Intersect(plain.Trials.Select(t => t.Id)).ShouldBeEmpty();
        fast.Trials.Single(t => t.Method == "tfs").Id.ShouldBe(plain.Trials.Single(t => t.Method == "tfs").Id);
        PlanFile.Describe(plain.Options, fast.Options).ShouldBe("dropout masks torch → fast");
    }

    [Fact]
    public void A_fast_dropout_trial_trains_with_it_and_result_json_says_so()
    {
        using var temp = new TempDirectory();
        var runner = new TrainingTrialRunner();
        var plain = SweepPlan.Create(German with { Methods = ["erm"] }, runner.Catalog).Trials.Single();
        var fast = SweepPlan.Create(German with { Methods = ["erm"], FastDropout = true }, runner.Catalog).Trials.Single();
        TrialSpec Spec(TrialConfig c) => new(c, null, Path.Combine(temp.Path, ".work", c.Id), 1);

        TrainingTrialRunner.ToRequest(Spec(plain)).FastDropout.ShouldBeFalse();
        var request = TrainingTrialRunner.ToRequest(Spec(fast));
        request.FastDropout.ShouldBeTrue();
        var outcome = TrainingRun.Execute(request, Path.Combine(temp.Path, "fast"));
        outcome.Config.FastDropout.ShouldBeTrue();
        File.ReadAllText(Path.Combine(temp.Path, "fast", "result.json")).ShouldContain("fast_dropout");
        var plainOutcome = TrainingRun.Execute(TrainingTrialRunner.ToRequest(Spec(plain)), Path.Combine(temp.Path, "plain"));
        plainOutcome.Config.FastDropout.ShouldBeFalse();
        File.ReadAllText(Path.Combine(temp.Path, "plain", "result.json")).ShouldNotContain("fast_dropout");
        runner.Run(Spec(fast), CancellationToken.None).Metrics.ShouldNotBe(runner.Run(Spec(plain), CancellationToken.None).Metrics);
    }
}
