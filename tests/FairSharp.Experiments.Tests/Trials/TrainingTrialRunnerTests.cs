using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Stitching;

namespace FairSharp.Experiments.Tests.Trials;

public sealed class TrainingTrialRunnerTests
{
    [Fact]
    public void The_catalogue_is_the_training_registry_plus_the_stitch_methods()
    {
        var catalog = new TrainingTrialRunner().Catalog;
        catalog.Methods.Where(m => !m.UsesStitch).Select(m => m.Name).ShouldBe([.. MethodRegistry.NamesOf(MethodKind.Network), ThresholdTrial.Method]);
        catalog.Methods.Where(m => m.UsesStitch).Select(m => m.Name).ShouldBe(["tfs", "fdr", "tfs-joint"]);
        catalog.Find(ThresholdTrial.Method).ShouldBe(new MethodInfo("threshold", UsesLambda: false, UsesStitch: false) { Descriptor = MethodRegistry.Get("erm") });
        catalog.Find("erm").ShouldBe(new MethodInfo("erm", UsesLambda: false, UsesStitch: false) { Descriptor = MethodRegistry.Get("erm") });
        catalog.Find("fairer").ShouldBe(new MethodInfo("fairer", UsesLambda: true, UsesStitch: false) { Descriptor = FairerOptions.Descriptor });
        catalog.Find("fairer")!.Knobs.Select(k => k.Name).ShouldBe(["lambda_align", "pairing", "passes", "align_norm_weights"]);
        catalog.Find("tfs").ShouldBe(new MethodInfo("tfs", UsesLambda: true, UsesStitch: true) { Descriptor = StitchMethodDescriptor.Tfs });
        catalog.Find("tfs")!.Knobs.Select(k => k.Name).ShouldNotContain("alpha", "α is the λ axis");
        catalog.Find("fdr")!.Knobs.Select(k => k.Name).ShouldNotContain("init");
        SweepPlan.Create(new SweepOptions(), catalog).Trials.Count.ShouldBe(3 + (3 * 4 * 3), "the README's quick default plans with the registry");
    }

    [Fact]
    public void A_trial_becomes_the_training_request_with_its_seed_lambda_and_threads()
    {
        var config = new TrialConfig("adult", "sex,race", null, "gapreg", "eo", 0.3, 4, 2);
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
        var config = new TrialConfig("adult", "sex", null, "fairer", "dp", 0.3, 0, null)
        {
            Options = new SortedDictionary<string, string> { ["lambda_align"] = "0.1", ["pairing"] = "all-pairs", ["passes"] = "authors" },
        };
        var request = TrainingTrialRunner.ToRequest(new TrialSpec(config, null, "/sweep/.work/x", 1));
        request.Options.ShouldBe(new FairerOptions(LambdaFair: 0.3, LambdaAlign: 0.1, Passes: FairerPasses.Authors));
        var erm = TrainingTrialRunner.ToRequest(new TrialSpec(config with { Method = "erm", Options = null }, null, "/sweep/.work/x", 1));
        erm.Options.ShouldBe(new ErmOptions());
    }

    [Fact]
    public void A_stitch_trial_uses_lambda_as_alpha_its_knobs_as_options_and_the_sweeps_shared_backbone_folder()
    {
        var config = new TrialConfig("adult", "sex", null, "tfs", "eo", 20, 1, null)
        {
            Options = new SortedDictionary<string, string> { ["epochs"] = "3", ["stitch_layer"] = "2", ["init"] = "lstsq", ["batch_size"] = "1", ["fine_tune_on"] = "train" },
        };
        var request = TrainingTrialRunner.ToStitchRequest(new TrialSpec(config, null, "/sweep/.work/abc", 2));
        request.Method.ShouldBe("tfs");
        request.Seed.ShouldBe(1);
        request.Options.ShouldBe(new StitchOptions
        {
            Alpha = 20, Epochs = 3, StitchLayer = 2, Init = StitchInit.LeastSquares, BatchSize = 1, FineTuneOn = FineTuningSet.TrainOnly,
        });
        request.Threads.ShouldBe(2);
        request.BackboneRoot.ShouldBe("/sweep/backbones");
        var backbone = TrainingTrialRunner.ToRequest(new TrialSpec(config, null, "/sweep/.work/abc", 2));
        (backbone.Method, backbone.Options, backbone.Epochs, backbone.Seed).ShouldBe(("erm", (MethodOptions?)null, (int?)null, 1), "a stitch trial's training request is its backbone's");
    }

    [Fact]
    public void Unknown_datasets_are_refused_before_any_trial_runs() =>
        Should.Throw<InvalidInputException>(() => new TrainingTrialRunner().CheckData(new SweepOptions { Dataset = "mnist", Methods = ["erm"] }, null))
            .Message.ShouldContain("mnist");

    [Fact]
    public void A_stitch_trial_takes_its_data_from_the_workers_cache_with_the_same_result()
    {
        var root = Directory.CreateTempSubdirectory("fairsharp-stitch-cache-").FullName;
        try
        {
            var config = new TrialConfig("german", "sex", null, "tfs", "dp", 1, 0, null)
            {
                Options = SweepPlan.Create(new SweepOptions { Dataset = "german", Methods = ["tfs"], Lambdas = [1], Seeds = 1, Epochs = 1 }, new TrainingTrialRunner().Catalog).Trials[0].Options,
            };
            TrialSpec Spec(string sweep, TrialConfig c) => new(c, null, Path.Combine(root, sweep, SweepRunner.WorkFolder, c.Id), 1);
            var cache = new PreparedDataCache();
            var cached = new TrainingTrialRunner { DataCache = cache };

            var first = cached.Run(Spec("cached", config), CancellationToken.None);
            (cache.Misses, cache.Hits).ShouldBe((1, 2), "prepared once; the backbone's training and the stitch run reuse it");
            cached.Run(Spec("cached", config with { Lambda = 2 }), CancellationToken.None);
            (cache.Misses, cache.Hits).ShouldBe((1, 4), "the next trial of the seed trains no backbone and prepares nothing");

            var fresh = new TrainingTrialRunner().Run(Spec("fresh", config), CancellationToken.None);
            first.Status.ShouldBe(TrialStatus.Ok);
            first.Metrics.ShouldBe(fresh.Metrics);
            first.ByGroup.Keys.ShouldBe(fresh.ByGroup.Keys);
            foreach (var (group, metrics) in fresh.ByGroup)
            {
                first.ByGroup[group].ShouldBe(metrics);
            }

            first.ChosenEpoch.ShouldBe(fresh.ChosenEpoch);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_trial_record_splits_its_time_into_phases_that_are_not_part_of_its_result()
    {
        var config = new TrialConfig("german", "sex", null, "erm", "dp", 0, 0, 2);
        var root = Directory.CreateTempSubdirectory("fairsharp-phases-").FullName;
        try
        {
            var spec = new TrialSpec(config, null, Path.Combine(root, SweepRunner.WorkFolder, config.Id), 1);
            var runner = new TrainingTrialRunner { DataCache = new PreparedDataCache() };
            var first = TrialExecution.Run(runner, spec, TimeSpan.FromSeconds(2), CancellationToken.None, ownProcess: true);
            var second = TrialExecution.Run(runner, spec, TimeSpan.Zero, CancellationToken.None, ownProcess: true);

            var t = first.Timings;
            t.StartupSeconds.ShouldBe(2);
            t.TotalSeconds.ShouldBe(t.TrainSeconds + 2, 0.002);
            ShouldSplitIntoPhases(t);
            t.DataSeconds.ShouldBeGreaterThan(0);
            t.CpuSeconds.ShouldBeGreaterThan(0);
            second.Timings.StartupSeconds.ShouldBe(0);
            second.Timings.DataSeconds.ShouldBeLessThan(t.DataSeconds, "the second trial's data comes from the cache");

            second.Id.ShouldBe(first.Id);
            TrialStore.Serialize(second with { Timings = first.Timings }).ShouldBe(TrialStore.Serialize(first));
            var shares = TimeShares.None.Add(first.Timings).Add(second.Timings);
            shares.Trials.ShouldBe(2);
            shares.Total.ShouldBe(first.Timings.TotalSeconds + second.Timings.TotalSeconds, 0.01);
            shares.Describe().ShouldStartWith("time of 2 trials: start-up ");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_stitch_trial_counts_its_backbone_and_stitch_training_as_steps_and_evaluation()
    {
        var config = new TrialConfig("german", "sex", null, "tfs", "dp", 0.5, 0, 2);
        var root = Directory.CreateTempSubdirectory("fairsharp-stitch-phases-").FullName;
        try
        {
            var spec = new TrialSpec(config, null, Path.Combine(root, SweepRunner.WorkFolder, config.Id), 1);
            var runner = new TrainingTrialRunner { DataCache = new PreparedDataCache() };
            var trained = TrialExecution.Run(runner, spec, TimeSpan.Zero, CancellationToken.None, ownProcess: true).Timings;
            // the second run finds the backbone on disk: only the stitch training's steps and evaluations are timed
            var reused = TrialExecution.Run(runner, spec, TimeSpan.Zero, CancellationToken.None, ownProcess: true).Timings;

            foreach (var t in new[] { trained, reused })
            {
                ShouldSplitIntoPhases(t);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A trial's steps and evaluations were timed, and its phases fit inside its training time.</summary>
    private static void ShouldSplitIntoPhases(TrialTimings t)
    {
        t.StepSeconds.ShouldBeGreaterThan(0);
        t.EvaluationSeconds.ShouldBeGreaterThan(0);
        (t.DataSeconds + t.StepSeconds + t.EvaluationSeconds).ShouldBeLessThanOrEqualTo(t.TrainSeconds + 0.002);
    }
}
