using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class FreshHeadTests
{
    [Fact]
    public void Starts_as_the_row_difference_of_pytorchs_two_logit_head()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var reference = nn.Linear(5, 2);
        manual_seed(12);
        using var head = new FreshHead(5);
        head.Linear.weight!.allclose((reference.weight![1] - reference.weight[0]).unsqueeze(0), 0, 0).ShouldBeTrue();
        head.Linear.bias!.allclose((reference.bias![1] - reference.bias[0]).reshape(1), 0, 0).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(20.0, 0.9, 5e-3)]
    public void Sgd_at_twice_the_rate_and_half_the_decay_follows_the_two_logit_head_step_by_step(double alpha, double momentum, double decay)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = randn(40, 5, dtype: float64);
        var y = (x.select(1, 0) + (0.5 * x.select(1, 1))).gt(0).to(float64);
        var a = x.select(1, 2).gt(0).to(float64);
        // float64 from the start, so that the only difference is the parameterisation
        var defaultType = get_default_dtype();
        set_default_dtype(float64);
        manual_seed(12);
        using var reference = nn.Linear(5, 2);
        manual_seed(12);
        using var head = new FreshHead(5);
        set_default_dtype(defaultType);
        const double lr = 0.05;
        using var optRef = optim.SGD(reference.parameters(), lr, momentum, weight_decay: decay);
        using var optHead = optim.SGD(head.HeadParameters, 2 * lr, momentum, weight_decay: decay / 2);
        var loss = new StitchLoss(StitchConstraint.EqualizedOdds, alpha);
        for (var step = 0; step < 25; step++)
        {
            using var stepScope = NewDisposeScope();
            optRef.zero_grad();
            var logits = reference.forward(x);
            var logSoftmax = nn.functional.log_softmax(logits, 1);
            var p = nn.functional.softmax(logits, 1).select(1, 1);
            var refLoss = nn.functional.nll_loss(logSoftmax, y.to(int64)) + (alpha * EoSurrogate.Compute(p, y, a));
            refLoss.backward();
            optRef.step();

            optHead.zero_grad();
            loss.Compute(head.forward(x), y, a).Loss.backward();
            optHead.step();
        }

        var difference = reference.weight![1] - reference.weight[0];
        head.Linear.weight!.squeeze(0).allclose(difference, rtol: 0, atol: 1e-10).ShouldBeTrue();
        head.Linear.bias!.squeeze(0).allclose(reference.bias![1] - reference.bias[0], rtol: 0, atol: 1e-10).ShouldBeTrue();
    }
}
