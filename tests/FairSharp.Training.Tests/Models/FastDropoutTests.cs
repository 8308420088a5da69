using FairSharp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Models;

/// <summary><see cref="FairNetwork.FastDropout"/>: the managed mask has torch's dropout distribution, is determined by
/// the torch seed, leaves evaluation mode and the default path alone, and back-propagates through its mask.</summary>
public sealed class FastDropoutTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void Keep_rate_and_values_match_dropout(double p)
    {
        // 2^20 draws: the keep rate's standard deviation is at most 0.0005, the tolerance is 10 of them.
        var noise = new float[1 << 20];
        ManagedDropout.Fill(noise, 12345, p);
        var scale = 1f / (float)(1 - p);
        noise.All(v => v == 0f || v == scale).ShouldBeTrue();
        var kept = noise.Count(v => v != 0f) / (double)noise.Length;
        kept.ShouldBe(1 - p, 0.005);
        // neighbours (the two halves of one 64-bit draw, and consecutive draws) are independent: P(both kept) = (1 − p)²
        var pairs = Enumerable.Range(0, noise.Length - 1).Count(i => noise[i] != 0f && noise[i + 1] != 0f) / (double)(noise.Length - 1);
        pairs.ShouldBe((1 - p) * (1 - p), 0.005);
    }

    [Fact]
    public void The_seed_decides_the_mask()
    {
        var a = new float[4097];
        var b = new float[4097];
        var c = new float[4097];
        ManagedDropout.Fill(a, 7, 0.5);
        ManagedDropout.Fill(b, 7, 0.5);
        ManagedDropout.Fill(c, 8, 0.5);
        b.ShouldBe(a);
        c.ShouldNotBe(a);
    }

    [Fact]
    public void Forward_is_determined_by_the_torch_seed_and_changes_from_call_to_call()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new ModelSpec(ModelSpec.MlpName, [6], [64, 32], 0.5).Build();
        model.FastDropout = true;
        model.FastDropout.ShouldBeTrue();
        model.train();
        var x = randn(50, 6);
        manual_seed(11);
        var first = model.forward(x).data<float>().ToArray();
        var second = model.forward(x).data<float>().ToArray();
        manual_seed(11);
        var again = model.forward(x).data<float>().ToArray();
        again.ShouldBe(first);
        second.ShouldNotBe(first);
    }

    [Fact]
    public void Evaluation_mode_and_the_default_path_are_unchanged()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var model = new ModelSpec(ModelSpec.MlpName, [6], [64, 32], 0.5).Build();
        var x = randn(40, 6);
        model.FastDropout.ShouldBeFalse();

        // default path: the stage's dropout is torch's, draw for draw
        model.train();
        manual_seed(21);
        var trained = model.forward(x).data<float>().ToArray();
        manual_seed(21);
        var h = x;
        foreach (var point in model.StitchPoints)
        {
            var stage = model.WeightLayers[point.Index];
            h = nn.functional.dropout(nn.functional.relu(nn.functional.linear(h, stage.Weight, stage.Bias)), 0.5, true);
        }

        model.Head.forward(h).view(-1).data<float>().ToArray().ShouldBe(trained);
        manual_seed(21);
        model.FastDropout = true;
        model.forward(x).data<float>().ToArray().ShouldNotBe(trained);

        model.eval();
        var fast = model.forward(x).data<float>().ToArray();
        model.FastDropout = false;
        model.forward(x).data<float>().ToArray().ShouldBe(fast);
    }

    [Fact]
    public void The_trainer_switches_it_per_run_and_a_seed_repeats_a_run()
    {
        var data = Synthetic.Dataset();
        (float[] Logits, bool Fast) Train(bool fast, FairNetwork? reuse = null)
        {
            manual_seed(1);
            var model = reuse ?? new ModelSpec(ModelSpec.MlpName, [data.Train.RowSize], [32, 16], 0.5).Build();
            using var objective = new FairSharp.Training.Objectives.ErmObjective();
            new Trainer(new TrainerOptions { Steps = 8, EvaluateEvery = 4, BatchSize = 32, Seed = 3, FastDropout = fast }).Train(model, objective, data);
            model.eval();
            using var x = tensor(data.Test.Features, [data.Test.Count, data.Test.RowSize]);
            return (model.forward(x).data<float>().ToArray(), model.FastDropout);
        }

        var fast = Train(true);
        fast.Fast.ShouldBeTrue();
        Train(true).Logits.ShouldBe(fast.Logits);
        var torchMasks = Train(false);
        torchMasks.Fast.ShouldBeFalse();
        torchMasks.Logits.ShouldNotBe(fast.Logits);
        using var reused = new ModelSpec(ModelSpec.MlpName, [data.Train.RowSize], [32, 16], 0.5).Build();
        reused.FastDropout = true;
        Train(false, reused).Fast.ShouldBeFalse();
    }

    [Fact]
    public void The_gradient_passes_through_the_kept_units_scaled()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = randn(64, 32).relu().requires_grad_(true);
        var y = ManagedDropout.Apply(x, 0.25, fast: true);
        y.sum().backward();
        var grad = x.grad!.data<float>().ToArray();
        var values = y.detach().data<float>().ToArray();
        var inputs = x.detach().data<float>().ToArray();
        var scale = 1f / 0.75f;
        for (var i = 0; i < grad.Length; i++)
        {
            (grad[i] == 0f || grad[i] == scale).ShouldBeTrue();
            values[i].ShouldBe(inputs[i] * grad[i]);
        }

        grad.Count(g => g == 0f).ShouldBeInRange(300, 724);
    }
}
