using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;

namespace FairSharp.Experiments.Tests.Trials;

public sealed class TrainingTrialRunnerTests
{
    [Fact]
    public void The_catalogue_is_the_training_registry_plus_the_stitch_methods()
    {
        var catalog = new TrainingTrialRunner().Catalog;
        catalog.Methods.Where(m => !m.UsesStitch).Select(m => m.Name).ShouldBe([.. MethodRegistry.Names, ThresholdTrial.Method]);
        catalog.Find(ThresholdTrial.Method).ShouldBe(new MethodInfo("threshold", UsesLambda: false, UsesStitch: false) { Descriptor = MethodRegistry.Get("erm") });
        catalog.Find("erm").ShouldBe(new MethodInfo("erm", UsesLambda: false, UsesStitch: false) { Descriptor = MethodRegistry.Get("erm") });
        catalog.Find("fairer").ShouldBe(new MethodInfo("fairer", UsesLambda: true, UsesStitch: false) { Descriptor = FairerOptions.Descriptor });
        catalog.Find("fairer")!.Knobs.Select(k => k.Name).ShouldBe(["lambda_align", "pairing", "passes", "align_norm_weights"]);
        catalog.Find("tfs").ShouldBe(new MethodInfo("tfs", UsesLambda: true, UsesStitch: true));
        catalog.Find("fdr")!.UsesStitch.ShouldBeTrue();
        SweepPlan.Create(new SweepOptions(), catalog).Trials.Count.ShouldBe(3 + (3 * 4 * 3), "the README's quick default plans with the registry");
    }

    [Fact]
    public void A_trial_becomes_the_training_request_with_its_seed_lambda_and_threads()
    {
        var config = new TrialConfig("adult", "sex,race", null, "gapreg", "eo", 0.3, 4, 2, null, null);
        var request = TrainingTrialRunner.ToRequest(new TrialSpec(config, "/data", "/sweep/.work/x", 1));
        request.Dataset.ShouldBe("adult");
        request.Sensitive.ShouldBe(["sex", "race"]);
        request.Method.ShouldBe("gapreg");
        request.Constraint.ShouldBe(FairnessConstraint.EqualizedOdds);
        request.Options.ShouldBe(new GapRegOptions(0.3));
        request.Seed.ShouldBe(4);
        request.Epochs.ShouldBe(2);
        request.Threads.ShouldBe(1);
        request.DataDirectory.ShouldBe("/data");
        request.Protocol.ShouldBe("ffb");
        TrainingTrialRunner.ToRequest(new TrialSpec(config with { Protocol = "fairmixup" }, null, "/s/.work/x", 2)).Protocol.ShouldBe("fairmixup");
    }

    [Fact]
    public void A_fairer_trial_carries_its_lambda_and_knobs_into_fairer_options()
    {
        var config = new TrialConfig("adult", "sex", null, "fairer", "dp", 0.3, 0, null, null, null)
        {
            Options = new SortedDictionary<string, string> { ["lambda_align"] = "0.1", ["pairing"] = "all-pairs", ["passes"] = "authors" },
        };
        var request = TrainingTrialRunner.ToRequest(new TrialSpec(config, null, "/sweep/.work/x", 1));
        request.Options.ShouldBe(new FairerOptions(LambdaFair: 0.3, LambdaAlign: 0.1, Passes: FairerPasses.Authors));
        var erm = TrainingTrialRunner.ToRequest(new TrialSpec(config with { Method = "erm", Options = null }, null, "/sweep/.work/x", 1));
        erm.Options.ShouldBe(new ErmOptions());
    }

    [Fact]
    public void A_stitch_trial_uses_lambda_as_alpha_and_the_sweeps_shared_backbone_folder()
    {
        var config = new TrialConfig("adult", "sex", null, "tfs", "eo", 20, 1, 3, 2, "lstsq");
        var request = TrainingTrialRunner.ToStitchRequest(new TrialSpec(config, null, "/sweep/.work/abc", 2));
        request.Method.ShouldBe("tfs");
        request.Alpha.ShouldBe(20);
        request.Seed.ShouldBe(1);
        request.Epochs.ShouldBe(3);
        request.StitchLayer.ShouldBe(2);
        request.StitchInit.ShouldBe("lstsq");
        request.Threads.ShouldBe(2);
        request.BackboneRoot.ShouldBe("/sweep/backbones");
    }

    [Fact]
    public void Unknown_datasets_are_refused_before_any_trial_runs() =>
        Should.Throw<InvalidInputException>(() => new TrainingTrialRunner().CheckData(new SweepOptions { Dataset = "mnist", Methods = ["erm"] }, null))
            .Message.ShouldContain("mnist");
}
