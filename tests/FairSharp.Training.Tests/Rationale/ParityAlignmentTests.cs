using FairSharp.Training.Models;
using FairSharp.Training.Rationale;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Rationale;

public sealed class ParityAlignmentTests
{
    [Fact]
    public void The_alignment_term_trains_the_weights_by_double_backprop_and_not_when_detached()
    {
        using var model = TinyNets.Random(5, [6, 4], seed: 7);
        using var scope = NewDisposeScope();
        var term = new ParityAlignment(model);
        var strata = Losses(model, seed: 1);
        var first = model.WeightLayers[0].Weight;

        var trained = term.Compute(strata, createGraph: true);
        trained.Value.requires_grad.ShouldBeTrue();
        var gradient = autograd.grad([trained.Value], [first], retain_graph: true)[0];
        gradient.abs().sum().item<double>().ShouldBeGreaterThan(1e-6);
        gradient.isfinite().all().item<bool>().ShouldBeTrue();

        // The detached measurement has the same value but no graph: it cannot move the weights.
        var detached = term.Compute(strata, createGraph: false);
        detached.Value.requires_grad.ShouldBeFalse();
        detached.Alignment.ShouldBe(trained.Alignment, 1e-12);

        // Loss − λ·S_detached back-propagates exactly like the loss alone, while Loss − λ·S does not.
        var task = strata[0].Loss + strata[1].Loss;
        var plain = autograd.grad([task], [first], retain_graph: true)[0];
        var withDetached = autograd.grad([task - detached.Value.Times(0.5)], [first], retain_graph: true)[0];
        var withTrained = autograd.grad([task - trained.Value.Times(0.5)], [first], retain_graph: true)[0];
        withDetached.data<double>().ToArray().ShouldBe(plain.data<double>().ToArray());
        (withTrained - plain).abs().max().item<double>().ShouldBeGreaterThan(1e-8);
    }

    [Fact]
    public void Alignment_gradient_matches_finite_differences_in_float64()
    {
        using var model = TinyNets.Random(3, [4, 3], seed: 11);
        var term = new ParityAlignment(model);
        var layers = model.WeightLayers;

        double[] analytic;
        using (var scope = NewDisposeScope())
        {
            var s = term.Compute(Losses(model, seed: 2), createGraph: true);
            analytic = autograd.grad([s.Value], [layers[0].Weight, layers[1].Weight, layers[2].Weight])
                .SelectMany(g => g.data<double>().ToArray()).ToArray();
        }

        double Value()
        {
            using var scope = NewDisposeScope();
            return term.Compute(Losses(model, seed: 2), createGraph: false).Alignment;
        }

        const double h = 1e-6;
        var offsets = new[] { 0, 12, 24 };
        var checks = new[] { (0, 0), (0, 5), (0, 11), (1, 0), (1, 7), (2, 1) };
        foreach (var (layer, index) in checks)
        {
            var flat = layers[layer].Weight.detach().view(-1);
            var original = flat[index].item<double>();
            flat[index] = original + h;
            var up = Value();
            flat[index] = original - h;
            var down = Value();
            flat[index] = original;
            var numeric = (up - down) / (2 * h);
            analytic[offsets[layer] + index].ShouldBe(numeric, 1e-7 + (1e-5 * Math.Abs(numeric)), $"dS/dW{layer}[{index}]");
        }

        analytic.Count(v => Math.Abs(v) > 1e-6).ShouldBeGreaterThan(10);
    }

    [Fact]
    public void A_one_neuron_layer_adds_exactly_one_per_pair_and_no_gradient()
    {
        using var scope = NewDisposeScope();
        using var model = TinyNets.Random(3, [4], seed: 5);
        var term = new ParityAlignment(model);
        term.AlignedLayers.Select(l => l.Name).ShouldBe(["stages.0.linear.weight"]);
        var strata = Losses(model, seed: 3);
        var s = term.Compute(strata, createGraph: true);
        s.LayerCosines[1].ShouldBe(1.0);
        s.Pairs.ShouldBe(1);
        var hiddenOnly = NeuronInfluence.Cosine(term.Influence(strata[0].Loss, true)[0], term.Influence(strata[1].Loss, true)[0]);
        s.Value.item<double>().ShouldBe((hiddenOnly + 1.0).item<double>());
        s.Alignment.ShouldBe(hiddenOnly.item<double>() + 1.0);
        var weights = model.WeightLayers.Select(l => (Tensor)l.Weight).ToList();
        var gradS = autograd.grad([s.Value], weights, retain_graph: true);
        var gradHidden = autograd.grad([hiddenOnly], weights, retain_graph: true);
        for (var i = 0; i < weights.Count; i++)
        {
            gradS[i].data<double>().ToArray().ShouldBe(gradHidden[i].data<double>().ToArray());
        }

        // A network whose every layer has one neuron: S is the constant (layers × pairs) with no graph at all.
        using var narrow = TinyNets.Random(3, [1], seed: 5);
        var constant = new ParityAlignment(narrow).Compute(Losses(narrow, seed: 3), createGraph: true);
        constant.Value.requires_grad.ShouldBeFalse();
        constant.Value.item<double>().ShouldBe(2.0);
        constant.LayerCosines.ShouldBe([1.0, 1.0]);
    }

    [Fact]
    public void More_than_two_groups_use_every_pair_or_the_worst_one()
    {
        using var scope = NewDisposeScope();
        using var model = TinyNets.Random(4, [5, 3], seed: 9);
        var strata = Losses(model, seed: 4, groups: 3);
        var all = new ParityAlignment(model).Compute(strata, createGraph: true);
        all.Pairs.ShouldBe(3);
        var worst = new ParityAlignment(model, GroupPairing.WorstPair).Compute(strata, createGraph: true);
        worst.Pairs.ShouldBe(1);
        var influence = strata.Select(s => new ParityAlignment(model).Influence(s.Loss, false)).ToArray();
        var pairSums = new[] { (0, 1), (0, 2), (1, 2) }.Select(p =>
            Enumerable.Range(0, 2).Sum(l => NeuronInfluence.Cosine(influence[p.Item1][l], influence[p.Item2][l]).item<double>()) + 1).ToArray();
        all.Alignment.ShouldBe(pairSums.Sum(), 1e-12);
        worst.Alignment.ShouldBe(pairSums.Min(), 1e-12);
        worst.Value.item<double>().ShouldBe(pairSums.Min(), 1e-12);

        // EO strata: groups are paired within each label only.
        var cells = new[]
        {
            strata[0] with { Label = 0 }, strata[1] with { Label = 0 }, strata[2] with { Group = 0, Label = 1 },
            strata[0] with { Group = 1, Label = 1 },
        };
        new ParityAlignment(model).Compute(cells, createGraph: true).Pairs.ShouldBe(2);
    }

    [Fact]
    public void BatchNorm_scales_are_aligned_like_the_authors_every_weight_filter_unless_switched_off()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new ModelSpec(ModelSpec.ResNet18Name, [3, 16, 16], [2, 2, 4, 4]).Build();
        var names = model.named_parameters().Select(p => p.name).Where(n => n.EndsWith(".weight", StringComparison.Ordinal)).ToArray();
        // 21 conv/linear weights and one BatchNorm scale after each of the 20 convs.
        names.Length.ShouldBe(41);
        model.AllWeights.Select(l => l.Name).ShouldBe(names);
        model.AllWeights.Count(l => l.Kind == WeightLayerKind.Norm).ShouldBe(20);
        new ParityAlignment(model).Layers.Count.ShouldBe(41);
        new ParityAlignment(model, alignNormWeights: false).Layers.Select(l => l.Name).ShouldBe(model.WeightLayers.Select(l => l.Name));

        // The generator is kept alive (and disposed) by the test: a temporary one is collectable while randn's P/Invoke
        // still uses its raw handle, and its finalizer can free it mid-draw (docs/torchsharp-notes.md, section 2: the
        // same GC race as TorchSharp's Scalars) — NaN inputs, NaN cosines, seen only under heavy load.
        using var generator = new Generator(4);
        var x = randn([8, 3, 16, 16], generator: generator);
        var y = tensor(new float[] { 1, 0, 1, 0, 1, 1, 0, 0 });
        StratumLoss Loss(int g) => new(g, null, nn.functional.binary_cross_entropy_with_logits(
            model.forward(x.narrow(0, 4 * g, 4)), y.narrow(0, 4 * g, 4)));
        var strata = new[] { Loss(0), Loss(1) };
        var norm = model.AllWeights.First(l => l.Kind == WeightLayerKind.Norm).Weight;
        var with = new ParityAlignment(model).Compute(strata, createGraph: true);
        var without = new ParityAlignment(model, alignNormWeights: false).Compute(strata, createGraph: true);
        // The BN scales' cosines enter S (and its gradient) only when they are aligned.
        with.LayerCosines.Count.ShouldBe(41);
        var normCosines = model.AllWeights.Select((l, i) => l.Kind == WeightLayerKind.Norm ? with.LayerCosines[i] : 0).Sum();
        normCosines.ShouldBeGreaterThan(0);
        (with.Alignment - without.Alignment).ShouldBe(normCosines, 1e-4);
        autograd.grad([with.Value], [norm], retain_graph: true)[0].abs().sum().item<float>().ShouldBeGreaterThan(0f);
    }

    // Mean BCE of a few seeded random rows per group (float64).
    private static StratumLoss[] Losses(FairNetwork model, int seed, int groups = 2)
    {
        using var generator = new Generator((ulong)seed);
        var inputs = (int)model.WeightLayers[0].Weight.shape[1];
        return Enumerable.Range(0, groups).Select(g =>
        {
            var x = randn([6, inputs], float64, generator: generator).Plus(0.5 * g);
            var y = tensor(new double[] { 1, 0, 1, 1, 0, g % 2 }, float64);
            return new StratumLoss(g, null, nn.functional.binary_cross_entropy_with_logits(model.forward(x), y));
        }).ToArray();
    }
}
