using FairSharp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Optimizers;

/// <summary>FairSharp's SGD and Adam give the same weights as TorchSharp's <c>optim.SGD</c> and <c>optim.Adam</c>, bit for
/// bit, over many steps, with a StepLR schedule changing the learning rate half-way.</summary>
public sealed class OptimizerEquivalenceTests
{
    private const int Steps = 30;

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.9, 0.0)]
    [InlineData(0.9, 5e-4)]
    [InlineData(0.0, 1e-2)]
    public void Sgd_matches_torchsharp_bitwise(double momentum, double weightDecay)
    {
        var ours = Train(p => new SgdOptimizer(p, 0.05, momentum, weightDecay));
        var theirs = Train(p => optim.SGD(p, 0.05, momentum, weight_decay: weightDecay));
        ours.ShouldBe(theirs);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    public void Adam_matches_torchsharp_bitwise(double weightDecay)
    {
        var ours = Train(p => new AdamOptimizer(p, 1e-2, weightDecay));
        var theirs = Train(p => optim.Adam(p, 1e-2, weight_decay: weightDecay));
        ours.ShouldBe(theirs);
    }

    [Fact]
    public void A_parameter_without_gradient_is_left_alone()
    {
        using var scope = NewDisposeScope();
        var used = new Parameter(ones(3));
        var unused = new Parameter(ones(3));
        using var optimizer = new AdamOptimizer([used, unused], 0.1);
        optimizer.zero_grad();
        (used * used).sum().backward();
        optimizer.step();
        unused.data<float>().ToArray().ShouldBe([1f, 1f, 1f]);
        used.data<float>().ToArray().ShouldAllBe(v => v < 1f);
    }

    // A two-layer MLP on a fixed regression problem; returns the final weights' bit patterns.
    private static int[] Train(Func<IEnumerable<Parameter>, optim.Optimizer> create)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(7);
        var x = randn(64, 5);
        var y = randn(64, 1);
        var model = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 1));
        using var optimizer = create(model.parameters());
        var schedule = optim.lr_scheduler.StepLR(optimizer, Steps / 2, 0.1);
        for (var step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(model.forward(x), y).backward();
            optimizer.step();
            schedule.step();
        }

        return model.parameters().SelectMany(p => p.detach().data<float>().ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray();
    }
}
