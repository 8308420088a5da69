using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015), the update of <c>torch.optim.Adam</c> (single-tensor path, no AMSGrad): with
/// g ← ∇θ + λθ, m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
/// The same libtorch calls in the same order as TorchSharp's <c>optim.Adam</c>, so weights are bitwise identical to it,
/// but every <see cref="Scalar"/> lives until its native call has returned (<see cref="ScalarMath"/>); TorchSharp's own
/// step leaves its Scalars to the finalizer (docs/torchsharp-notes.md, section 2). The learning rate is read from the
/// parameter group at each step, so TorchSharp's learning-rate schedulers drive it.
/// </summary>
public sealed class AdamOptimizer : GroupedOptimizer
{
    /// <summary>β₁ of torch.optim.Adam's default.</summary>
    public const double Beta1 = 0.9;

    /// <summary>β₂ of torch.optim.Adam's default.</summary>
    public const double Beta2 = 0.999;

    /// <summary>ε of torch.optim.Adam's default.</summary>
    public const double Epsilon = 1e-8;

    private readonly Dictionary<Parameter, Moments> moments = new(ReferenceEqualityComparer.Instance);

    /// <summary>An Adam optimiser over <paramref name="parameters"/> (one group; β = 0.9, 0.999; ε = 1e−8).</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">η, ≥ 0.</param>
    /// <param name="weightDecay">λ, ≥ 0 (L2 penalty added to the gradient, not decoupled).</param>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double weightDecay = 0)
        : this([new ParameterGroup([.. parameters ?? throw new ArgumentNullException(nameof(parameters))])], learningRate, weightDecay)
    {
    }

    /// <summary>An Adam optimiser over parameter groups, each with its learning-rate and weight-decay multipliers.</summary>
    /// <param name="groups">The parameter groups.</param>
    /// <param name="learningRate">η, ≥ 0.</param>
    /// <param name="weightDecay">λ, ≥ 0 (L2 penalty added to the gradient, not decoupled).</param>
    public AdamOptimizer(IEnumerable<ParameterGroup> groups, double learningRate, double weightDecay)
        : base(groups, learningRate, weightDecay)
    {
        foreach (var parameter in AllParameters)
        {
            moments[parameter] = new Moments(parameter);
        }
    }

    /// <inheritdoc />
    protected override void Update(Parameter parameter, Tensor gradient, double rate)
    {
        var state = moments[parameter];
        state.Step += 1;
        var biasCorrection1 = 1 - Math.Pow(Beta1, state.Step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, state.Step);
        state.Mean.TimesInPlace(Beta1).PlusInPlace(gradient, 1 - Beta1);
        state.Square.TimesInPlace(Beta2).AddcmulInPlace(gradient, gradient, 1 - Beta2);
        var denominator = state.Square.sqrt().DividedBy(Math.Sqrt(biasCorrection2)).PlusInPlace(Epsilon);
        parameter.AddcdivInPlace(state.Mean, denominator, -(rate / biasCorrection1));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var state in moments.Values)
            {
                state.Mean.Dispose();
                state.Square.Dispose();
            }

            moments.Clear();
        }

        base.Dispose(disposing);
    }

    /// <summary>One parameter's step count and first and second moments (zeros at the start).</summary>
    private sealed class Moments(Parameter parameter)
    {
        public long Step { get; set; }

        public Tensor Mean { get; } = zeros_like(parameter).DetachFromDisposeScope();

        public Tensor Square { get; } = zeros_like(parameter).DetachFromDisposeScope();
    }
}
