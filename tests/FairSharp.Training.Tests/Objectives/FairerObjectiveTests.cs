using FairSharp.Data;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Objectives;

public sealed class FairerObjectiveTests
{
    private static readonly DataSplit Train = Synthetic.Split("train", 240, 6, seed: 21);
    private static readonly string[] GroupNames = ["s=0", "s=1"];

    [Theory]
    [InlineData(FairnessConstraint.EqualizedOdds)]
    [InlineData(FairnessConstraint.DemographicParity)]
    public void Fairer_without_alignment_equals_gapreg_bitwise_and_alignment_changes_the_weights(FairnessConstraint constraint)
    {
        var sampler = new GroupLabelStratifiedSampler(Train, GroupNames, 8, seed: 4);
        using var gapreg = new GapRegObjective(constraint, 0.7, 2);
        using var unaligned = new FairerObjective(constraint, 2, new FairerOptions(0.7, 0.0));
        using var aligned = new FairerObjective(constraint, 2, new FairerOptions(0.7, 0.5));
        var (gapLosses, gapModel) = ObjectiveHarness.Run(gapreg, Train, sampler, epochs: 2, dropout: 0.5, hidden: [16, 8]);
        var (fairLosses, fairModel) = ObjectiveHarness.Run(unaligned, Train, sampler, epochs: 2, dropout: 0.5, hidden: [16, 8]);
        var (_, alignedModel) = ObjectiveHarness.Run(aligned, Train, sampler, epochs: 2, dropout: 0.5, hidden: [16, 8]);
        using var a = gapModel;
        using var b = fairModel;
        using var c = alignedModel;
        fairLosses.ShouldBe(gapLosses);
        var pa = a.named_parameters().ToList();
        var pb = b.named_parameters().ToList();
        var pc = c.named_parameters().ToList();
        for (var i = 0; i < pa.Count; i++)
        {
            pb[i].parameter.bytes.ToArray().ShouldBe(pa[i].parameter.bytes.ToArray(), pa[i].name);
        }

        pc[0].parameter.bytes.ToArray().ShouldNotBe(pa[0].parameter.bytes.ToArray());
    }

    [Fact]
    public void Shared_passes_give_the_joint_task_loss_and_gap_of_gapreg_and_the_authors_layout_the_same_loss()
    {
        var rows = new GroupLabelStratifiedSampler(Train, GroupNames, 10, seed: 6).Epoch(0).First();
        manual_seed(8);
        using var model = new ModelSpec(ModelSpec.MlpName, [Train.RowSize], [12, 7], 0).Build();
        model.train();
        using var all = TensorConversion.ToTensors(Train);
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var batch = BatchContext.FromRows(all, Train, rows, 2);
        using var gapreg = new GapRegObjective(FairnessConstraint.EqualizedOdds, 2.0, 2);
        using var shared = new FairerObjective(FairnessConstraint.EqualizedOdds, 2, new FairerOptions(2.0, 0.01));
        using var authors = new FairerObjective(FairnessConstraint.EqualizedOdds, 2, new FairerOptions(2.0, 0.01, Passes: FairerPasses.Authors));
        var g = gapreg.Step(model, batch, 0, generator);
        var s = shared.Step(model, batch, 0, generator);
        var u = authors.Step(model, batch, 0, generator);

        s.Diagnostics["task_loss"].ShouldBe(g.Diagnostics["task_loss"], 1e-6);
        s.Diagnostics["eo_gap"].ShouldBe(g.Diagnostics["eo_gap"], 1e-6);
        var expected = g.Diagnostics["task_loss"] + (2.0 * g.Diagnostics["eo_gap"]) - (0.01 * s.Diagnostics["alignment"]);
        s.Loss.ToDouble().ShouldBe(expected, 1e-6);
        u.Loss.ToDouble().ShouldBe(s.Loss.ToDouble(), 1e-6);
        u.Diagnostics["alignment"].ShouldBe(s.Diagnostics["alignment"], 1e-6);

        // EO: two pairs (within y = 0 and y = 1), three layers, the head's cosine is exactly 1.
        s.Diagnostics["cosine/head.weight"].ShouldBe(1.0);
        s.Diagnostics["alignment"].ShouldBe(2 * (s.Diagnostics["cosine/stages.0.linear.weight"] + s.Diagnostics["cosine/stages.1.linear.weight"] + 1), 1e-9);
        s.Diagnostics.Keys.Where(k => k.StartsWith(FairerObjective.CosinePrefix, StringComparison.Ordinal))
            .ShouldBe(["cosine/stages.0.linear.weight", "cosine/stages.1.linear.weight", "cosine/head.weight"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("dp")]
    [InlineData("eo")]
    [InlineData("eopp")]
    public void Fairer_trains_the_task_in_every_constraint_mode(string constraint)
    {
        var parsed = FairnessConstraints.Parse(constraint);
        using var objective = MethodRegistry.Create("fairer", FairerOptions.Descriptor.Configure([new("lambda", "0.5"), new("lambda_align", "0.5")]),
            new MethodContext(parsed, 2));
        objective.Name.ShouldBe("fairer");
        objective.RequiredSampling.ShouldBe(parsed == FairnessConstraint.DemographicParity ? SamplingKind.ByGroup : SamplingKind.ByGroupAndLabel);
        var sampler = new GroupLabelStratifiedSampler(Train, GroupNames, 8, seed: 5);
        var (losses, model) = ObjectiveHarness.Run(objective, Train, sampler, epochs: 10);
        using var _ = model;
        losses.All(double.IsFinite).ShouldBeTrue();
        losses.TakeLast(5).Average().ShouldBeLessThan(losses.Take(5).Average() * 0.85);
    }

    [Fact]
    public void Fairer_refuses_eo_training_data_without_positives_in_a_group()
    {
        var split = new DataSplit("train", new float[8], [2], [0, 1, 0, 0], [0, 0, 1, 1]);
        using var eo = new FairerObjective(FairnessConstraint.EqualizedOdds, 2, new FairerOptions(1, 0.01));
        Should.Throw<InvalidInputException>(() => eo.CheckTrainingData(split, ["sex=Female", "sex=Male"]))
            .Message.ShouldBe("method 'fairer' needs training rows with y = 1 in every group, but group 'sex=Male' has none");
        Should.Throw<InvalidInputException>(() => new FairerOptions(LambdaAlign: double.NaN).Validate())
            .Message.ShouldBe("lambda_align must be a finite number >= 0, got NaN");
    }
}
