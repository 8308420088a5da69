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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Group_multipliers_equal_separate_optimisers_at_the_scaled_rate_and_decay(bool adam)
    {
        // the TFS head's (2·lr, wd/2) as data: one optimiser with a (2, ½) group = a second optimiser at 2·lr, wd/2
        const double rate = 0.05, decay = 5e-4;
        var grouped = Train(model =>
        {
            var groups = new[] { new ParameterGroup([.. Layer(model, 0)]), new ParameterGroup([.. Layer(model, 2)], 2, 0.5) };
            return [adam ? new AdamOptimizer(groups, rate, decay) : new SgdOptimizer(groups, rate, 0.9, decay)];
        });
        var separate = Train(model => adam
            ? [new AdamOptimizer(Layer(model, 0), rate, decay), new AdamOptimizer(Layer(model, 2), 2 * rate, decay / 2)]
            : [new SgdOptimizer(Layer(model, 0), rate, 0.9, decay), new SgdOptimizer(Layer(model, 2), 2 * rate, 0.9, decay / 2)]);
        grouped.ShouldBe(separate);
        var plain = Train(model => [adam ? new AdamOptimizer(model.parameters(), rate, decay) : new SgdOptimizer(model.parameters(), rate, 0.9, decay)]);
        grouped.ShouldNotBe(plain);
    }

    private static IEnumerable<Parameter> Layer(nn.Module model, int index) => ((nn.Module)model.children().ElementAt(index)).parameters();

    // A two-layer MLP on a fixed regression problem; returns the final weights' bit patterns.
    private static int[] Train(Func<IEnumerable<Parameter>, optim.Optimizer> create) => Train(model => [create(model.parameters())]);

    private static int[] Train(Func<nn.Module, optim.Optimizer[]> create)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(7);
        var x = randn(64, 5);
        var y = randn(64, 1);
        var model = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 1));
        var optimizers = create(model);
        var schedules = optimizers.Select(o => optim.lr_scheduler.StepLR(o, Steps / 2, 0.1)).ToArray();
        for (var step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            Array.ForEach(optimizers, o => o.zero_grad());
            nn.functional.mse_loss(model.forward(x), y).backward();
            Array.ForEach(optimizers, o => o.step());
            Array.ForEach(schedules, s => s.step());
        }

        Array.ForEach(optimizers, o => o.Dispose());

        return model.parameters().SelectMany(p => p.detach().data<float>().ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray();
    }
}
