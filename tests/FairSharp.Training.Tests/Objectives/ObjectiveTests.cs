using FairSharp.Data;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Objectives;

public sealed class ObjectiveTests
{
    private static readonly DataSplit Train = Synthetic.Split("train", 240, 6, seed: 21);
    private static readonly string[] GroupNames = ["s=0", "s=1"];

    public static TheoryData<string, string> Methods => new()
    {
        { "erm", "dp" }, { "gapreg", "dp" }, { "gapreg", "eo" }, { "gapreg", "eopp" }, { "fairmixup", "dp" },
        { "fairmixup", "eo" }, { "adversarial", "dp" }, { "hsic", "dp" }, { "prejudice-remover", "dp" }, { "diffmcdp", "dp" },
        { "diffmcdp", "eo" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Task_loss_decreases_on_a_small_seeded_problem(string method, string constraint)
    {
        var descriptor = MethodRegistry.Network(method);
        var options = descriptor.HasLambda ? descriptor.Configure([new("lambda", "0.5")]) : null;
        using var objective = descriptor.Create(options, new MethodContext(FairnessConstraints.Parse(constraint), 2));
        var sampler = new GroupLabelStratifiedSampler(Train, GroupNames, 8, seed: 5);
        var (losses, model) = ObjectiveHarness.Run(objective, Train, sampler, epochs: 10);
        using var _ = model;
        losses.Count.ShouldBeGreaterThan(20);
        losses.All(double.IsFinite).ShouldBeTrue();
        var first = losses.Take(5).Average();
        var last = losses.TakeLast(5).Average();
        last.ShouldBeLessThan(first * 0.85, $"{method}/{constraint}: {first} → {last}");
    }

    [Fact]
    public void Gapreg_with_lambda_zero_equals_erm_bitwise_on_the_same_stratified_batches()
    {
        var sampler = new GroupStratifiedSampler(Train, GroupNames, 16, seed: 9);
        using var erm = new ErmObjective();
        using var gapreg = new GapRegObjective(FairnessConstraint.EqualizedOdds, 0.0, 2);
        var (ermLosses, ermModel) = ObjectiveHarness.Run(erm, Train, sampler, epochs: 3, dropout: 0.5);
        var (gapLosses, gapModel) = ObjectiveHarness.Run(gapreg, Train, sampler, epochs: 3, dropout: 0.5);
        using var a = ermModel;
        using var b = gapModel;
        gapLosses.ShouldBe(ermLosses);
        var pa = a.named_parameters().ToList();
        var pb = b.named_parameters().ToList();
        pa.Count.ShouldBe(pb.Count);
        for (var i = 0; i < pa.Count; i++)
        {
            pa[i].parameter.bytes.ToArray().ShouldBe(pb[i].parameter.bytes.ToArray(), pa[i].name);
        }
    }

    [Fact]
    public void Gapreg_with_positive_lambda_changes_the_weights()
    {
        var sampler = new GroupStratifiedSampler(Train, GroupNames, 16, seed: 9);
        using var erm = new ErmObjective();
        using var gapreg = new GapRegObjective(FairnessConstraint.DemographicParity, 1.0, 2);
        var (_, a) = ObjectiveHarness.Run(erm, Train, sampler, epochs: 1);
        var (_, b) = ObjectiveHarness.Run(gapreg, Train, sampler, epochs: 1);
        using var ma = a;
        using var mb = b;
        ma.Head.weight!.bytes.ToArray().ShouldNotBe(mb.Head.weight!.bytes.ToArray());
    }

    [Fact]
    public void Fair_mixup_penalty_gradient_matches_finite_differences_in_float64()
    {
        // The penalty is trained by double backprop: d/dθ |mean ⟨∇ₓ f(x_mix), x₁ − x₀⟩|. Same generator seed → same γ.
        var sampler = new GroupStratifiedSampler(Train, GroupNames, 6, seed: 2);
        var rows = sampler.Epoch(0).First();
        manual_seed(4);
        using var model = new ModelSpec(ModelSpec.MlpName, [Train.RowSize], [5], 0).Build();
        model.to(float64);
        model.train();
        using var objective = new FairMixupObjective(FairnessConstraint.DemographicParity, 1.0);
        using var all = TensorConversion.ToTensors(Train);
        var weight = model.WeightLayers[0].Weight;

        double Loss()
        {
            using var scope = NewDisposeScope();
            using var generator = new Generator(77);
            var batch = BatchContext.FromRows(all, Train, rows, 2);
            var x64 = new BatchContext(batch.X.to(float64), batch.Y.to(float64), batch.Group, [.. batch.Labels], [.. batch.Groups], 2);
            return objective.Step(model, x64, 0, generator).Loss.item<double>();
        }

        double[] analytic;
        using (var scope = NewDisposeScope())
        using (var generator = new Generator(77))
        {
            var batch = BatchContext.FromRows(all, Train, rows, 2);
            var x64 = new BatchContext(batch.X.to(float64), batch.Y.to(float64), batch.Group, [.. batch.Labels], [.. batch.Groups], 2);
            model.zero_grad();
            var step = objective.Step(model, x64, 0, generator);
            step.Diagnostics["mixup_penalty"].ShouldBeGreaterThan(0);
            step.Loss.backward();
            analytic = weight.grad!.data<double>().ToArray();
        }

        const double h = 1e-6;
        var flat = weight.detach().view(-1);
        foreach (var index in new[] { 0, 7, 13, 22 })
        {
            var original = flat[index].item<double>();
            flat[index] = original + h;
            var up = Loss();
            flat[index] = original - h;
            var down = Loss();
            flat[index] = original;
            analytic[index].ShouldBe((up - down) / (2 * h), 1e-6, $"dL/dW[{index}]");
        }
    }

    [Fact]
    public void Gradient_reversal_is_identity_forward_and_negates_the_gradient()
    {
        using var scope = NewDisposeScope();
        var h = tensor(new[] { 0.3f, -1.7f, 1e-8f, 123.456f }).requires_grad_(true);
        var r = GradientReversal.Apply(h);
        r.data<float>().ToArray().ShouldBe(h.data<float>().ToArray());
        (r * tensor(new[] { 1f, 2f, 3f, 4f })).sum().backward();
        h.grad!.data<float>().ToArray().ShouldBe([-1f, -2f, -3f, -4f]);
    }

    [Fact]
    public void Adversary_learns_to_predict_the_group_while_the_task_is_learned()
    {
        // Groups that the features reveal (feature 0 shifted by the group), so that an adversary can learn them. A small λ
        // keeps the reversed gradient weak against the task's, while Adam moves the adversary at full rate whatever λ;
        // its group loss must fall well below chance (ln 2).
        var split = Synthetic.Split("train", 240, 6, seed: 21);
        var x = split.Features.ToArray();
        for (var i = 0; i < split.Count; i++)
        {
            x[i * split.RowSize] += split.Groups[i] == 1 ? 2f : -2f;
        }

        var revealing = new DataSplit("train", x, [split.RowSize], split.Labels, split.Groups);
        var sampler = new ShuffledBatchSampler(revealing.Count, 48, seed: 1);
        using var objective = new AdversarialObjective(0.05, 2);
        var (losses, model) = ObjectiveHarness.Run(objective, revealing, sampler, epochs: 10);
        using var _ = model;
        objective.Adversary!.parameters().Count().ShouldBe(4);
        losses.TakeLast(5).Average().ShouldBeLessThan(losses.Take(5).Average());
        using var all = TensorConversion.ToTensors(revealing);
        using var scope = NewDisposeScope();
        var context = BatchContext.FromRows(all, revealing, Enumerable.Range(0, revealing.Count).ToArray(), 2);
        using var generator = new Generator(1);
        var adversaryLoss = objective.Step(model, context, 0, generator).Diagnostics["adversary_loss"];
        adversaryLoss.ShouldBeLessThan(0.5 * Math.Log(2), "the adversary did not learn the group");
    }

    [Fact]
    public void Registry_knows_every_method_and_refuses_unknown_names_and_negative_lambda()
    {
        MethodRegistry.NamesOf(MethodKind.Network).ShouldBe(["adversarial", "diffmcdp", "erm", "fairer", "fairmixup", "gapreg", "hsic", "prejudice-remover"]);
        MethodRegistry.NamesOf(MethodKind.Stitch).ShouldBe(["fdr", "tfs", "tfs-joint"]);
        MethodRegistry.Names.Count.ShouldBe(11);
        foreach (var name in MethodRegistry.NamesOf(MethodKind.Network))
        {
            MethodRegistry.Contains(name).ShouldBeTrue(name);
            var descriptor = MethodRegistry.Get(name);
            descriptor.Name.ShouldBe(name);
            descriptor.HasLambda.ShouldBe(name != "erm", name);
            using var objective = MethodRegistry.Create(name, null, new MethodContext(FairnessConstraint.DemographicParity, 2));
            objective.Name.ShouldBe(name);
        }

        MethodRegistry.Contains("magic").ShouldBeFalse();
        Should.Throw<InvalidInputException>(() => MethodRegistry.Network("magic"))
            .Message.ShouldBe("unknown method 'magic' (expected one of: adversarial, diffmcdp, erm, fairer, fairmixup, gapreg, hsic, prejudice-remover)");
        Should.Throw<InvalidInputException>(() => MethodRegistry.Network("tfs"))
            .Message.ShouldBe("'tfs' is a method of 'fairsharp stitch' (expected one of: adversarial, diffmcdp, erm, fairer, fairmixup, gapreg, hsic, prejudice-remover)");
        Should.Throw<InvalidInputException>(() => MethodRegistry.Get("gapreg").Configure([new("lambda", "-0.1")]).Validate())
            .Message.ShouldBe("lambda must be a finite number >= 0, got -0.1");
        Should.Throw<InvalidInputException>(() => MethodRegistry.Get("erm").Configure([new("lambda", "1")]))
            .Message.ShouldBe("lambda does not apply to method 'erm' (its options: none)");
        Should.Throw<InvalidInputException>(() => FairnessConstraints.Parse("parity"))
            .Message.ShouldBe("unknown constraint 'parity' (expected dp, eo or eopp)");
    }

    [Fact]
    public void Methods_that_compare_positives_refuse_a_group_without_positive_rows()
    {
        var split = new DataSplit("train", new float[8], [2], [0, 1, 0, 0], [0, 0, 1, 1]);
        using var eo = new GapRegObjective(FairnessConstraint.EqualizedOdds, 1, 2);
        Should.Throw<InvalidInputException>(() => eo.CheckTrainingData(split, ["sex=Female", "sex=Male"]))
            .Message.ShouldBe("method 'gapreg' needs training rows with y = 1 in every group, but group 'sex=Male' has none");
        using var dp = new GapRegObjective(FairnessConstraint.DemographicParity, 1, 2);
        dp.CheckTrainingData(split, ["sex=Female", "sex=Male"]);
        using var mixup = new FairMixupObjective(FairnessConstraint.DemographicParity, 1);
        Should.Throw<InvalidInputException>(() => mixup.CheckTrainingData(split, ["a", "b", "c"]))
            .Message.ShouldBe("method 'fairmixup' mixes exactly 2 groups, got 3 (use one binary sensitive attribute)");
        mixup.RequiredSampling.ShouldBe(SamplingKind.ByGroup);
    }

    [Fact]
    public void Batch_strata_follow_the_rows_of_the_batch()
    {
        using var scope = NewDisposeScope();
        var split = new DataSplit("train", [1, 2, 3, 4, 5, 6], [1], [0, 1, 1, 0, 1, 0], [0, 0, 1, 1, 1, 0]);
        using var all = TensorConversion.ToTensors(split);
        var batch = BatchContext.FromRows(all, split, [5, 2, 0, 4], 2);
        batch.X.data<float>().ToArray().ShouldBe([6f, 3f, 1f, 5f]);
        batch.GroupStrata.Select(s => (s.Group, s.Count)).ShouldBe([(0, 2), (1, 2)]);
        BatchContext.Select(batch.X, batch.GroupStrata[1]).data<float>().ToArray().ShouldBe([3f, 5f]);
        batch.CellStrata.Select(s => (s.Group, s.Label, s.Count)).ShouldBe([(0, (int?)0, 2), (1, (int?)1, 2)]);
    }
}
