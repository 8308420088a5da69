using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Tests.Runs;

public sealed class SamplerRuleTests
{
    [Fact]
    public void A_run_uses_its_protocols_sampler_unless_the_method_needs_strata()
    {
        SamplerRule.ForRun(GapRegOptions.Descriptor, FairnessConstraint.DemographicParity, "ffb", SamplingKind.Shuffled)
            .ShouldBe(new SamplerChoice(SamplingKind.Shuffled, "the ffb protocol's shuffled batches"));
        SamplerRule.ForRun(FairerOptions.Descriptor, FairnessConstraint.EqualizedOdds, "ffb", SamplingKind.Shuffled)
            .ShouldBe(new SamplerChoice(SamplingKind.ByGroupAndLabel, "fairer needs by_group_and_label batches under eo"));
    }

    [Fact]
    public void A_comparison_uses_one_sampler_the_stratified_one_when_any_method_needs_it()
    {
        NetworkMethodDescriptor[] methods = [ErmOptions.Descriptor, GapRegOptions.Descriptor, FairMixupOptions.Descriptor, FairerOptions.Descriptor];
        var one = SamplerRule.ForComparison(methods, FairnessConstraint.DemographicParity, allowMixed: false);
        one.Sampling.ShouldBe(SamplingKind.ByGroup);
        one.Reason.ShouldBe("fairmixup, fairer need by_group batches under dp: every method uses them, so all see the same batches (same rows per step) for a seed");
        SamplerRule.ForComparison(methods, FairnessConstraint.DemographicParity, allowMixed: true).Sampling.ShouldBeNull();
        SamplerRule.ForComparison([ErmOptions.Descriptor, GapRegOptions.Descriptor, DiffMcdpOptions.Descriptor], FairnessConstraint.DemographicParity, false)
            .Sampling.ShouldBeNull();
        SamplerRule.Parse(SamplerRule.Name(SamplingKind.ByGroupAndLabel)).ShouldBe(SamplingKind.ByGroupAndLabel);
        Should.Throw<InvalidInputException>(() => SamplerRule.Parse("random")).Message.ShouldBe("sampling must be one of shuffled, by_group, by_group_and_label, got 'random'");
    }

    [Fact]
    public void A_forced_sampler_reaches_the_trainer_and_result_json()
    {
        var data = Synthetic.Dataset();
        var request = new TrainRequest("synthetic", ["s"], "erm")
        {
            Sampling = SamplingKind.ByGroup, SamplingReason = "one sampler for the comparison", Steps = 3, BatchSize = 8, Threads = 1,
        };
        var outcome = TrainingRun.Execute(request, data);
        outcome.Config.Sampling.ShouldBe(SamplingKind.ByGroup);
        outcome.Config.SamplingReason.ShouldBe("one sampler for the comparison");
        var plain = TrainingRun.Execute(request with { Sampling = null, SamplingReason = null }, data);
        plain.Config.Sampling.ShouldBe(SamplingKind.Shuffled);
        plain.Config.SamplingReason.ShouldBe("the ffb protocol's shuffled batches");
        // strata of 8 rows from each of the two groups: a different training trajectory from shuffled batches of 8
        outcome.Epochs[^1].TrainLoss.ShouldNotBe(plain.Epochs[^1].TrainLoss);
    }
}
