using FairSharp.Experiments.Study;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;

namespace FairSharp.Experiments.Tests.Study;

public sealed class StudyPlanTests
{
    private static readonly IMethodCatalog Catalog = new TrainingTrialRunner().Catalog;

    private static IReadOnlyList<string> Ids(StudyPlan plan) =>
        plan.Parts.SelectMany(p => p.Plan?.Trials.Select(t => $"{p.Part.Name}/{t.Id}") ?? []).ToArray();

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(false, 3)]
    public void The_same_options_give_the_same_parts_trial_ids_and_plan_id(bool tiny, int? seeds)
    {
        var options = new StudyOptions { Tiny = tiny, Seeds = seeds };
        var a = StudyPlan.Create(options, Catalog);
        var b = StudyPlan.Create(options with { }, Catalog);
        Ids(b).ShouldBe(Ids(a));
        b.Id.ShouldBe(a.Id);
        b.Parts.Select(p => p.Plan?.Id).ShouldBe(a.Parts.Select(p => p.Plan?.Id));
        Ids(a).Distinct().Count().ShouldBe(Ids(a).Count);
    }

    [Fact]
    public void Other_seeds_or_the_tiny_version_give_another_plan()
    {
        var full = StudyPlan.Create(new StudyOptions(), Catalog);
        StudyPlan.Create(new StudyOptions { Seeds = 2 }, Catalog).Id.ShouldNotBe(full.Id);
        StudyPlan.Create(new StudyOptions { Tiny = true }, Catalog).Id.ShouldNotBe(full.Id);
    }

    [Fact]
    public void Part_one_is_the_authors_grids_with_fairer_swept_over_lambda_align_on_ten_seeds()
    {
        var plan = StudyPlan.Create(new StudyOptions(), Catalog);
        var dp = plan.Parts.Single(p => p.Part.Name == "fairer-adult-dp").Plan!;
        dp.Options.Protocol.ShouldBe("fairmixup");
        dp.Options.Seeds.ShouldBe(10);
        dp.Options.Lambdas.ShouldAllBe(l => l >= 0.1 && l <= 0.7);
        dp.Trials.Where(t => t.Method == "fairer").Select(t => t.Options!["lambda_align"]).Distinct().Count().ShouldBe(5);
        // erm once per seed; four λ for gapreg, fairmixup and diffmcdp; four λ × five λ_align for fairer.
        dp.Trials.Count.ShouldBe(10 * (1 + (3 * 4) + (4 * 5)));
        var eo = plan.Parts.Single(p => p.Part.Name == "fairer-adult-eo").Plan!;
        eo.Options.Lambdas.ShouldAllBe(l => l >= 0.5 && l <= 5);
    }

    [Fact]
    public void Part_four_has_both_regimes_full_batch_tfs_joint_only_at_the_penultimate_layer_and_batch_one_on_one_seed()
    {
        var plan = StudyPlan.Create(new StudyOptions { ImagesAvailable = true }, Catalog);
        var tfs = plan.Parts.Single(p => p.Part.Name == StudyDesign.TfsPart).Plan!;
        var curves = tfs.Trials.Select(t => t.Curve).Distinct().ToArray();
        // tfs and fdr × 2 layers × 2 regimes, tfs-joint × the penultimate layer × 2 regimes; each curve 3 α × 5 seeds
        curves.Length.ShouldBe(10);
        foreach (var method in StudyDesign.StitchMethods)
        {
            foreach (var layer in method == "tfs-joint" ? ["5"] : new[] { "4", "5" })
            {
                foreach (var regime in StudyDesign.TfsRegimes)
                {
                    curves.ShouldContain(StudyDesign.TfsCurve(method, layer, regime));
                    tfs.Trials.Count(t => t.Curve == StudyDesign.TfsCurve(method, layer, regime)).ShouldBe(3 * 5);
                }
            }
        }

        tfs.Trials.ShouldNotContain(t => t.Method == "tfs-joint" && t.Options!["stitch_layer"] == "4");

        tfs.Trials.ShouldAllBe(t => t.Options!["batch_size"] == "full");
        var batch1 = plan.Parts.Single(p => p.Part.Name == "tfs-utkface-batch1").Plan!;
        batch1.Trials.Count.ShouldBe(2 * 3);
        batch1.Trials.ShouldAllBe(t => t.Seed == 0 && t.Options!["batch_size"] == "1" && t.Options["epochs"] == "20"
            && t.Options["fine_tune_on"] == StudyDesign.ReleasedRegime && t.Options["stitch_layer"] == "5");
    }

    [Fact]
    public void The_tiny_version_runs_every_section_on_german_with_two_seeds_and_one_lambda()
    {
        var plan = StudyPlan.Create(new StudyOptions { Tiny = true, ImagesAvailable = false }, Catalog);
        var sweeps = plan.Parts.Where(p => p.Plan is not null).Select(p => p.Plan!).ToArray();
        sweeps.ShouldAllBe(s => s.Options.Dataset == "german" && s.Options.Seeds == 2 && s.Options.Lambdas.Count == 1 && s.Options.Epochs == 1);
        // Sections 1, 2, 4 and 6 run even without UTKFace; 3 is not a sweep and 5 waits for the threshold method.
        plan.Parts.Where(p => p.Plan is not null).Select(p => p.Part.Section).Distinct().Order().ShouldBe(
            Catalog.Find(StudyDesign.ThresholdMethod) is null ? [1, 2, 4, 6] : [1, 2, 4, 5, 6]);
    }

    [Fact]
    public void Without_utkface_the_image_parts_are_skipped_with_the_reason()
    {
        var plan = StudyPlan.Create(new StudyOptions { ImagesAvailable = false }, Catalog);
        foreach (var name in new[] { "fairer-utkface-dp", "tfs-utkface", "tfs-utkface-batch1" })
        {
            var (part, sweep) = plan.Parts.Single(p => p.Part.Name == name);
            sweep.ShouldBeNull();
            part.SkipReason!.ShouldContain("UTKFace");
        }
    }

    [Fact]
    public void An_unknown_part_is_refused_with_the_list_of_parts()
    {
        var plan = StudyPlan.Create(new StudyOptions(), Catalog);
        var e = Should.Throw<InvalidInputException>(() => plan.Select(["fairer-adult", "ffb-adult"]));
        e.Message.ShouldStartWith("--parts: 'fairer-adult' is not a part of the study (parts: fairer-adult-dp, fairer-adult-eo,");
        plan.Select(["ffb-adult"]).Single().Part.Name.ShouldBe("ffb-adult");
    }

    [Fact]
    public void A_shard_runs_in_its_own_folder_inside_the_part_folder()
    {
        StudyPlan.PartFolder("/s", "ffb-adult", ShardSpec.All).ShouldBe(Path.Combine("/s", "ffb-adult"));
        StudyPlan.PartFolder("/s", "ffb-adult", new ShardSpec(2, 3)).ShouldBe(Path.Combine("/s", "ffb-adult", "shard-2-of-3"));
    }
}
