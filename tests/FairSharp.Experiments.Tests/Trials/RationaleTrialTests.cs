using FairSharp.Experiments.Rationale;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Tests.Trials;

public sealed class RationaleTrialTests
{
    private static readonly SweepOptions German = new()
    {
        Dataset = "german", Sensitive = ["sex"], Methods = ["erm", "gapreg", "tfs"], Lambdas = [0.5], Seeds = 1, Seed = 2, Epochs = 1,
    };

    [Fact]
    public void Recording_rationale_marks_every_trained_network_and_changes_only_those_ids()
    {
        var catalog = new TrainingTrialRunner().Catalog;
        var plain = SweepPlan.Create(German, catalog);
        var recorded = SweepPlan.Create(German with { RecordRationale = true }, catalog);
        plain.Trials.ShouldAllBe(t => t.Rationale == null);
        recorded.Trials.Where(t => t.Method != "tfs").ShouldAllBe(t => t.Rationale == true);
        recorded.Trials.Single(t => t.Method == "tfs").Rationale.ShouldBeNull();
        recorded.Trials.Where(t => t.Method != "tfs").Select(t => t.Id).ShouldBeUnique();
        recorded.Trials.Where(t => t.Method != "tfs").Select(t => t.Id).Intersect(plain.Trials.Select(t => t.Id)).ShouldBeEmpty();
        recorded.Trials.Single(t => t.Method == "tfs").Id.ShouldBe(plain.Trials.Single(t => t.Method == "tfs").Id);
        PlanFile.Describe(plain.Options, recorded.Options).ShouldBe("rationale not recorded → recorded");
    }

    [Fact]
    public void A_trial_with_rationale_has_the_same_metrics_and_the_cosines_rationale_reports_for_its_model()
    {
        using var temp = new TempDirectory();
        var runner = new TrainingTrialRunner();
        var plain = SweepPlan.Create(German with { Methods = ["gapreg"] }, runner.Catalog).Trials.Single();
        var recorded = SweepPlan.Create(German with { Methods = ["gapreg"], RecordRationale = true }, runner.Catalog).Trials.Single();
        TrialSpec Spec(TrialConfig c) => new(c, null, Path.Combine(temp.Path, ".work", c.Id), 1);

        var without = runner.Run(Spec(plain), CancellationToken.None);
        var with = runner.Run(Spec(recorded), CancellationToken.None);
        with.Metrics.ShouldBe(without.Metrics);
        without.RationaleCosines.ShouldBeNull();
        with.RationaleCosines.ShouldNotBeNull().Count.ShouldBeGreaterThan(0);
        with.RationaleCosines!.Values.ShouldAllBe(c => c >= 0 && c <= 1);

        // `fairsharp train` then `fairsharp rationale` with its defaults on the same network.
        var model = Path.Combine(temp.Path, "gapreg");
        TrainingRun.Execute(TrainingTrialRunner.ToRequest(Spec(plain)), model);
        var report = RationaleRun.Execute(new RationaleRequest([model])).Models.Single().Report.WorstPair;
        with.RationaleCosines.OrderBy(c => c.Key, StringComparer.Ordinal).ShouldBe(
            report.Layers.Where(l => !l.ConstantCosine).Select(l => KeyValuePair.Create(l.Layer, l.Cosine)).OrderBy(c => c.Key, StringComparer.Ordinal));
        TrialRecord.From(recorded, with, new TrialTimings(0, 0)).RationaleCosines.ShouldBe(with.RationaleCosines);
    }
}
