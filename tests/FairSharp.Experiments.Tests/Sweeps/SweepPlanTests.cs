using FairSharp.Experiments.Sweeps;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FairSharp.Experiments.Tests.Sweeps;

public sealed class SweepPlanTests
{
    private static readonly SweepOptions Quick = new();

    [Fact]
    public void The_default_plan_is_erm_once_per_seed_and_every_lambda_for_the_others()
    {
        var plan = SweepPlan.Create(Quick, TestCatalog.Instance);
        plan.Trials.Count.ShouldBe(3 + (3 * 4 * 3));
        plan.Trials.Take(3).Select(t => (t.Method, t.Lambda, t.Seed)).ShouldBe([("erm", 0.0, 0), ("erm", 0.0, 1), ("erm", 0.0, 2)]);
        plan.Trials[3].ShouldBe(new TrialConfig("adult", "sex", null, "gapreg", "dp", 0.1, 0, null) { Sampling = "by_group" });
        plan.Trials.Select(t => t.Id).Distinct().Count().ShouldBe(plan.Trials.Count);
    }

    [Fact]
    public void The_same_options_give_the_same_trials_ids_and_plan_id()
    {
        var a = SweepPlan.Create(Quick, TestCatalog.Instance);
        var b = SweepPlan.Create(Quick with { Lambdas = [0.1, 0.3, 1.0, 3.0] }, TestCatalog.Instance);
        b.Trials.ShouldBe(a.Trials);
        b.Trials.Select(t => t.Id).ShouldBe(a.Trials.Select(t => t.Id));
        b.Id.ShouldBe(a.Id);
        SweepPlan.Create(Quick with { Seeds = 4 }, TestCatalog.Instance).Id.ShouldNotBe(a.Id);
    }

    [Fact]
    public void A_csv_trial_id_depends_on_the_file_content_and_the_column_options_not_on_the_path()
    {
        var csv = new Data.Csv.CsvDataOptions("approved", ["sex"]) { DataFile = "/data/loans.csv", Drop = ["id"], Seed = 7 };
        var options = new SweepOptions { Dataset = "loans.csv", Methods = ["erm"], Seeds = 2, Csv = csv, DataSha256 = "ab12" };
        var plan = SweepPlan.Create(options, TestCatalog.Instance);
        plan.Trials.ShouldAllBe(t => t.Csv!.Seed == 0 && t.Csv.DataFile == "/data/loans.csv" && t.DataSha256 == "ab12");
        plan.Trials[0].CanonicalJson().ShouldContain("\"data_file\":\"loans.csv\"");
        SweepPlan.Create(options with { Csv = csv with { DataFile = "/elsewhere/loans.csv" } }, TestCatalog.Instance).Id.ShouldBe(plan.Id);
        SweepPlan.Create(options with { Csv = csv with { Seed = 3 } }, TestCatalog.Instance).Id.ShouldBe(plan.Id, "each trial's seed seeds the split");
        SweepPlan.Create(options with { DataSha256 = "cd34" }, TestCatalog.Instance).Id.ShouldNotBe(plan.Id);
        SweepPlan.Create(options with { Csv = csv with { Drop = [] } }, TestCatalog.Instance).Id.ShouldNotBe(plan.Id);
        SweepPlan.Create(options with { Csv = csv with { TrainFraction = 0.5, ValidationFraction = 0.3 } }, TestCatalog.Instance).Id.ShouldNotBe(plan.Id);
        SweepPlan.Create(options with { Csv = null, DataSha256 = null }, TestCatalog.Instance).Trials.ShouldAllBe(t => t.Csv == null && !t.CanonicalJson().Contains("\"csv\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trial_id_is_a_hash_of_its_canonical_json_and_is_pinned()
    {
        var trial = new TrialConfig("adult", "sex", null, "gapreg", "dp", 0.1, 0, null);
        trial.CanonicalJson().ShouldBe("""{"dataset":"adult","sensitive":"sex","protocol":null,"method":"gapreg","constraint":"dp","lambda":0.1,"seed":0,"epochs":null,"stitch_layer":null,"stitch_init":null}""");
        trial.Id.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(trial.CanonicalJson())))[..16]);
        (trial with { Lambda = 0.3 }).Id.ShouldNotBe(trial.Id);
        (trial with { Seed = 1 }).Id.ShouldNotBe(trial.Id);
    }

    [Fact]
    public void Stitch_methods_are_multiplied_by_the_stitch_options_and_others_are_not()
    {
        var options = Quick with { Methods = ["erm", "tfs", "fdr"], Lambdas = [1.0, 2.0], Seeds = 2, StitchLayers = [1, 2], StitchInits = ["identity", "random", "lstsq"], Epochs = 5 };
        var plan = SweepPlan.Create(options, TestCatalog.Instance);
        plan.Trials.Count(t => t.Method == "erm").ShouldBe(2);
        plan.Trials.Where(t => t.Method == "erm").ShouldAllBe(t => t.Options == null && t.Epochs == 5);
        plan.Trials.Count(t => t.Method == "tfs").ShouldBe(2 * 2 * 3 * 2);
        plan.Trials.Count(t => t.Method == "fdr").ShouldBe(2 * 2 * 2, "fdr has no stitching layer, hence no init");
        plan.Trials.Where(t => t.Method == "tfs").Select(t => t.Curve).Distinct().Count().ShouldBe(6);
        plan.Trials.Where(t => t.Method == "tfs").Select(t => t.Curve).First().ShouldBe("tfs stitch_layer=1 init=identity");
        plan.Trials.Where(t => t.Method != "erm").ShouldAllBe(t => t.Epochs == null && t.Options!["epochs"] == "5", "the sweep's --epochs is a stitch method's epochs knob");
        plan.Trials.Where(t => t.Method == "tfs").ShouldAllBe(t => t.Options!.Count == 15 && t.Options["batch_size"] == "full" && t.Options["fine_tune_on"] == "train+val");
    }

    [Fact]
    public void A_stitch_knob_is_a_grid_axis_and_enters_the_trial_id()
    {
        var options = Quick with { Methods = ["tfs"], Lambdas = [20.0], Seeds = 1, Grid = [GridAxis.Parse("tfs.batch_size=full,1"), GridAxis.Parse("tfs.fine_tune_on=train+val,train")] };
        var tfs = SweepPlan.Create(options, TestCatalog.Instance).Trials;
        tfs.Select(t => t.Curve).ShouldBe([
            "tfs batch_size=full fine_tune_on=train+val", "tfs batch_size=full fine_tune_on=train",
            "tfs batch_size=1 fine_tune_on=train+val", "tfs batch_size=1 fine_tune_on=train",
        ]);
        tfs.Select(t => t.Id).Distinct().Count().ShouldBe(4);
        SweepPlan.Create(options with { Grid = [] }, TestCatalog.Instance).Trials.Single().Id.ShouldBe(tfs[0].Id, "the defaults swept or not are one trial");
        Should.Throw<InvalidInputException>(() => SweepPlan.Create(options with { Grid = [GridAxis.Parse("tfs.alpha=1,2")] }, TestCatalog.Instance))
            .Message.ShouldBe("--grid tfs.alpha=1,2: alpha is the --lambdas axis");
    }

    [Fact]
    public void A_grid_axis_multiplies_its_method_names_its_curves_and_enters_the_trial_ids()
    {
        var options = Quick with { Methods = ["erm", "fairer"], Lambdas = [1.0], Seeds = 2, Grid = [GridAxis.Parse("fairer.lambda_align=0, 0.010,0.1,1")] };
        var plan = SweepPlan.Create(options, TestCatalog.Instance);
        plan.Trials.Count(t => t.Method == "erm").ShouldBe(2);
        plan.Trials.Where(t => t.Method == "erm").ShouldAllBe(t => t.Options == null);
        var fairer = plan.Trials.Where(t => t.Method == "fairer").ToArray();
        fairer.Length.ShouldBe(4 * 2);
        fairer.Select(t => t.Options!["lambda_align"]).Distinct().ShouldBe(["0", "0.01", "0.1", "1"]);
        fairer.ShouldAllBe(t => t.Options!["pairing"] == "all-pairs" && t.Options["passes"] == "shared");
        fairer.Select(t => t.Curve).Distinct().ShouldBe(["fairer lambda_align=0", "fairer lambda_align=0.01", "fairer lambda_align=0.1", "fairer lambda_align=1"]);
        fairer.Select(t => t.Id).Distinct().Count().ShouldBe(8);
        // the id depends on the values, not on how they were planned: the default λ_align swept or not is one trial
        var unswept = SweepPlan.Create(options with { Grid = [] }, TestCatalog.Instance).Trials.Where(t => t.Method == "fairer").ToArray();
        unswept.Select(t => t.Curve).Distinct().ShouldBe(["fairer"]);
        unswept.Select(t => t.Id).ShouldBe(fairer.Where(t => t.Options!["lambda_align"] == "0.01").Select(t => t.Id));
        unswept[0].CanonicalJson().ShouldEndWith(""","options":{"align_norm_weights":"true","lambda_align":"0.01","pairing":"all-pairs","passes":"shared"},"sampling":"by_group"}""");
    }

    [Fact]
    public void One_sampler_for_every_method_when_one_needs_stratified_batches_unless_mixing_is_asked_for()
    {
        var plan = SweepPlan.Create(Quick, TestCatalog.Instance);
        plan.Trials.ShouldAllBe(t => t.Sampling == "by_group");
        plan.Sampler.Reason.ShouldBe("fairer need by_group batches under dp: every method uses them, so all see the same batches (same rows per step) for a seed");
        SweepPlan.Create(Quick with { Constraint = "eo" }, TestCatalog.Instance).Trials.ShouldAllBe(t => t.Sampling == "by_group_and_label");
        var erm = plan.Trials[0];
        erm.Id.ShouldNotBe((erm with { Sampling = null }).Id, "the sampler is part of the trial id");
        var mixed = SweepPlan.Create(Quick with { MixedSamplers = true }, TestCatalog.Instance);
        mixed.Trials.ShouldAllBe(t => t.Sampling == null);
        mixed.Sampler.Reason.ShouldStartWith("MIXED (--mixed-samplers): fairer train on by_group batches");
        var unstratified = SweepPlan.Create(Quick with { Methods = ["erm", "gapreg"] }, TestCatalog.Instance);
        unstratified.Trials.ShouldAllBe(t => t.Sampling == null);
        SweepPlan.Create(Quick with { Methods = ["erm", "tfs", "fairer"] }, TestCatalog.Instance).Trials.Where(t => t.Method == "tfs").ShouldAllBe(t => t.Sampling == null);
    }

    [Theory]
    [InlineData("fairer.lambda_align", "--grid 'fairer.lambda_align' is not METHOD.KNOB=V1,V2,... (e.g. fairer.lambda_align=0,0.01,0.1)")]
    [InlineData("lambda_align=1", "--grid 'lambda_align=1' is not METHOD.KNOB=V1,V2,... (e.g. fairer.lambda_align=0,0.01,0.1)")]
    [InlineData("fairer.lambda_align=", "--grid 'fairer.lambda_align=' is not METHOD.KNOB=V1,V2,... (e.g. fairer.lambda_align=0,0.01,0.1)")]
    [InlineData("gapreg.lambda_align=1", "--grid gapreg.lambda_align=1: method 'gapreg' is not in --methods")]
    [InlineData("fairer.lambda=1,2", "--grid fairer.lambda=1,2: lambda is the --lambdas axis")]
    [InlineData("fairer.alpha=1", "--grid fairer.alpha=1: method 'fairer' has no such option (its options: lambda_align, pairing, passes, align_norm_weights)")]
    [InlineData("erm.alpha=1", "--grid erm.alpha=1: method 'erm' has no such option (its options: none)")]
    [InlineData("fairer.lambda_align=0.1,0.10", "--grid fairer.lambda_align=0.1,0.10: 0.10 is listed twice")]
    [InlineData("fairer.lambda_align=x", "lambda_align must be a number, got 'x'")]
    [InlineData("fairer.pairing=best", "pairing must be one of all-pairs, worst-pair, got 'best'")]
    public void A_bad_grid_axis_is_refused_with_one_constant_line(string axis, string message) =>
        Should.Throw<InvalidInputException>(() => SweepPlan.Create(Quick with { Methods = ["erm", "fairer"], Grid = [GridAxis.Parse(axis)] }, TestCatalog.Instance))
            .Message.ShouldBe(message);

    [Property(MaxTest = 200)]
    public Property Shards_are_disjoint_and_cover_the_plan() =>
        Prop.ForAll(Gen.Choose(1, 9).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (count, seeds, nLambdas) =>
        {
            var options = Quick with { Seeds = seeds, Lambdas = Enumerable.Range(1, nLambdas).Select(i => i / 10.0).ToArray() };
            var plan = SweepPlan.Create(options, TestCatalog.Instance);
            var slices = Enumerable.Range(1, count).Select(i => plan.Slice(new ShardSpec(i, count))).ToArray();
            var all = slices.SelectMany(s => s).Select(t => t.Id).ToArray();
            return all.Length == plan.Trials.Count
                   && all.Distinct().Count() == all.Length
                   && all.ToHashSet().SetEquals(plan.Trials.Select(t => t.Id))
                   && slices.Max(s => s.Count) - slices.Min(s => s.Count) <= 1;
        });

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("10/10", 10, 10)]
    public void A_shard_spec_parses(string text, int index, int count) => ShardSpec.Parse(text).ShouldBe(new ShardSpec(index, count));

    [Theory]
    [InlineData("3/2")]
    [InlineData("0/2")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    public void A_bad_shard_spec_is_refused_with_the_constant_text(string text) =>
        Should.Throw<InvalidInputException>(() => ShardSpec.Parse(text)).Message.ShouldBe(string.Format(ExperimentErrors.BadShard, text));

    public static TheoryData<SweepOptions, string> BadOptions => new()
    {
        { Quick with { Methods = ["erm", "magic"] }, "unknown method 'magic' in --methods (known: erm, gapreg, fairmixup, fairer, tfs, fdr)" },
        { Quick with { Methods = [] }, ExperimentErrors.NoMethods },
        { Quick with { Methods = ["erm", "erm"] }, "method 'erm' is listed twice in --methods" },
        { Quick with { Lambdas = [] }, ExperimentErrors.EmptyLambdas },
        { Quick with { Lambdas = [-1.0] }, "--lambdas: '-1' is not a finite number ≥ 0" },
        { Quick with { Lambdas = [double.NaN] }, "--lambdas: 'NaN' is not a finite number ≥ 0" },
        { Quick with { Lambdas = [1.0, 1.0] }, "--lambdas: 1 is listed twice" },
        { Quick with { Seeds = 0 }, "--seeds must be a number of seeds ≥ 1, got 0" },
        { Quick with { Seeds = -3 }, "--seeds must be a number of seeds ≥ 1, got -3" },
        { Quick with { Epochs = 0 }, "--epochs must be ≥ 1, got 0" },
        { Quick with { Constraint = "eq" }, "unknown constraint 'eq' (known: dp, eo, eopp)" },
        { Quick with { Sensitive = [] }, ExperimentErrors.NoSensitive },
        { Quick with { Dataset = "" }, ExperimentErrors.NoDataset },
        { Quick with { StitchInits = ["zeros"] }, "unknown stitch init 'zeros' (known: random, identity, lstsq)" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_with_one_constant_line(SweepOptions options, string message) =>
        Should.Throw<InvalidInputException>(() => SweepPlan.Create(options, TestCatalog.Instance)).Message.ShouldBe(message);
}
