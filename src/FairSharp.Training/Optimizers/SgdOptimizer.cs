using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with momentum and weight decay, the update of <c>torch.optim.SGD</c> (single-tensor
/// path, dampening 0, no Nesterov): g ← ∇θ + λθ; b ← g at the first step, else b ← μb + g; θ ← θ − η·b (b = g when
/// μ = 0). The same libtorch calls in the same order as TorchSharp's <c>optim.SGD</c>, so weights are bitwise
/// identical to it, but every <see cref="Scalar"/> lives until its native call has returned (<see cref="ScalarMath"/>);
/// TorchSharp's own step leaves its Scalars to the finalizer (docs/torchsharp-notes.md, section 2). The learning rate
/// is read from the parameter group at each step, so TorchSharp's learning-rate schedulers drive it.
/// </summary>
public sealed class SgdOptimizer : OptimizerHelper
{
    private readonly double momentum;
    private readonly double weightDecay;
    private readonly Dictionary<Parameter, Tensor> buffers = new(ReferenceEqualityComparer.Instance);

    /// <summary>An SGD optimiser over <paramref name="parameters"/> (one group).</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">η, ≥ 0.</param>
    /// <param name="momentum">μ, ≥ 0 (0: plain SGD).</param>
    /// <param name="weightDecay">λ, ≥ 0 (L2 penalty added to the gradient).</param>
    public SgdOptimizer(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        _defaults = new OptimizerOptions { LearningRate = learningRate, InitialLearningRate = learningRate };
        _parameter_groups = [new ParamGroup { Parameters = parameters.ToList(), Options = _defaults }];
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(
        group =>
        {
            var rate = group.LearningRate;
            foreach (var parameter in group.Parameters)
            {
                var grad = parameter.grad;
                if (grad is null)
                {
                    continue;
                }

                if (weightDecay != 0)
                {
                    grad = grad.Plus(parameter, weightDecay);
                }

                if (momentum != 0)
                {
                    if (buffers.TryGetValue(parameter, out var buffer))
                    {
                        buffer.TimesInPlace(momentum).PlusInPlace(grad, 1.0);
                    }
                    else
                    {
                        buffer = grad.clone().detach().DetachFromDisposeScope();
                        buffers[parameter] = buffer;
                    }

                    grad = buffer;
                }

                parameter.PlusInPlace(grad, -rate);
            }
        },
        closure);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var buffer in buffers.Values)
            {
                buffer.Dispose();
            }

            buffers.Clear();
        }

        base.Dispose(disposing);
    }
}
