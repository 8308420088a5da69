using FairSharp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Models;

/// <summary><see cref="TorchBernoulli"/>: the managed mask is torch's <c>bernoulli_</c> mask bit for bit, and leaves
/// torch's generator where torch's own draw leaves it, across the engine's 624-word twists and at odd offsets.</summary>
public sealed class TorchBernoulliTests
{
    [Fact]
    public void This_libtorch_takes_the_mt19937_path_here() =>
        // The CI machines are AMD EPYC (no MKL path): the check must pass there, or every test below is vacuous.
        TorchBernoulli.Matches.ShouldBeTrue();

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 0.5, 311)]
    [InlineData(3, 0.7, 312)]
    [InlineData(4, 0.9, 313)]
    [InlineData(5, 0.37, 20_000)]
    [InlineData(6, 0.5, 851_968)]
    public void Mask_and_generator_state_equal_torchs(int seed, double keep, int count)
    {
        manual_seed(seed);
        // an odd number of words already drawn, so pairs straddle the engine's blocks differently
        using (rand(seed * 7 % 5 + 1)) { }

        using var saved = get_rng_state();
        using var expected = empty(count, ScalarType.Float32).bernoulli_(keep);
        using var after = rand(3);
        set_rng_state(saved);
        var mask = new float[count];
        TorchBernoulli.Fill(mask, keep, 1f);
        using var managedAfter = rand(3);

        mask.ShouldBe(expected.data<float>().ToArray());
        managedAfter.data<float>().ToArray().ShouldBe(after.data<float>().ToArray());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.3)]
    [InlineData(0.1)]
    public void Default_dropout_of_a_network_equals_torchs_dropout_bit_for_bit(double p)
    {
        using var scope = NewDisposeScope();
        var x = randn(257, 33);
        manual_seed(9);
        var reference = nn.functional.dropout(x, p, true).data<float>().ToArray();
        using var next = rand(2);
        manual_seed(9);
        var managed = ManagedDropout.Apply(x, p).data<float>().ToArray();
        using var managedNext = rand(2);

        managed.ShouldBe(reference);
        managedNext.data<float>().ToArray().ShouldBe(next.data<float>().ToArray());
        managed.Count(v => v == 0f).ShouldBeInRange(1, managed.Length - 1);
    }

    [Fact]
    public void Gradients_flow_through_the_kept_elements_as_through_torchs()
    {
        using var scope = NewDisposeScope();
        var x = randn(64, 16).requires_grad_();
        manual_seed(5);
        nn.functional.dropout(x, 0.5, true).sum().backward();
        var reference = x.grad!.data<float>().ToArray();
        x.grad!.zero_();
        manual_seed(5);
        ManagedDropout.Apply(x, 0.5).sum().backward();
        x.grad!.data<float>().ToArray().ShouldBe(reference);
    }

    [Fact]
    public void A_networks_training_forward_is_torchs_dropout_chain_and_evaluation_is_the_identity()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var model = new ModelSpec(ModelSpec.MlpName, [6], [64, 32], 0.5).Build();
        var x = randn(40, 6);

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

        model.eval();
        var evaluated = model.forward(x).data<float>().ToArray();
        h = x;
        foreach (var point in model.StitchPoints)
        {
            var stage = model.WeightLayers[point.Index];
            h = nn.functional.relu(nn.functional.linear(h, stage.Weight, stage.Bias));
        }

        model.Head.forward(h).view(-1).data<float>().ToArray().ShouldBe(evaluated);
    }
}
