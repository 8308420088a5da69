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
/// is read from the parameter group at each step (<see cref="GroupedOptimizer"/>), so TorchSharp's learning-rate schedulers drive it.
/// </summary>
public sealed class SgdOptimizer : GroupedOptimizer
{
    private readonly double momentum;
    private readonly Dictionary<Parameter, Tensor> buffers = new(ReferenceEqualityComparer.Instance);

    /// <summary>An SGD optimiser over <paramref name="parameters"/> (one group).</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">η, ≥ 0.</param>
    /// <param name="momentum">μ, ≥ 0 (0: plain SGD).</param>
    /// <param name="weightDecay">λ, ≥ 0 (L2 penalty added to the gradient).</param>
    public SgdOptimizer(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : this([new ParameterGroup([.. parameters ?? throw new ArgumentNullException(nameof(parameters))])], learningRate, momentum, weightDecay)
    {
    }

    /// <summary>An SGD optimiser over parameter groups, each with its learning-rate and weight-decay multipliers.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="learningRate">η, ≥ 0.</param>
    /// <param name="momentum">μ, ≥ 0 (0: plain SGD).</param>
    /// <param name="weightDecay">λ, ≥ 0 (L2 penalty added to the gradient).</param>
    public SgdOptimizer(IEnumerable<ParameterGroup> groups, double learningRate, double momentum, double weightDecay)
        : base(groups, learningRate, weightDecay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        this.momentum = momentum;
    }

    /// <inheritdoc />
    protected override void Update(Parameter parameter, Tensor gradient, double rate)
    {
        var grad = gradient;
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
