using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Optimizers;

/// <summary>
/// The step skeleton FairSharp's optimisers share, as <c>torch.optim</c>'s single-tensor path runs it: per parameter group,
/// read the group's learning rate (so TorchSharp's schedulers drive it), and per parameter with a gradient, add the L2
/// term g ← ∇θ + λθ (λ = the group's weight decay), then let the subclass update θ. Each
/// <see cref="ParameterGroup"/> becomes one torch parameter group with learning rate η·scale and weight decay λ·scale.
/// </summary>
public abstract class GroupedOptimizer : OptimizerHelper
{
    private readonly Dictionary<ParamGroup, double> weightDecays = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the groups.</summary>
    /// <param name="groups">The parameter groups with their multipliers.</param>
    /// <param name="learningRate">η, ≥ 0.</param>
    /// <param name="weightDecay">λ, ≥ 0 (L2 penalty added to the gradient, not decoupled).</param>
    protected GroupedOptimizer(IEnumerable<ParameterGroup> groups, double learningRate, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        _defaults = new OptimizerOptions { LearningRate = learningRate, InitialLearningRate = learningRate };
        _parameter_groups = [];
        foreach (var group in groups)
        {
            var rate = learningRate * group.LearningRateScale;
            var torchGroup = new ParamGroup
            {
                Parameters = group.Parameters.ToList(),
                Options = new OptimizerOptions { LearningRate = rate, InitialLearningRate = rate },
            };
            _parameter_groups.Add(torchGroup);
            weightDecays[torchGroup] = weightDecay * group.WeightDecayScale;
        }
    }

    /// <summary>Every parameter of every group.</summary>
    protected IEnumerable<Parameter> AllParameters => _parameter_groups.SelectMany(g => g.Parameters);

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(
        group =>
        {
            var rate = group.LearningRate;
            var weightDecay = weightDecays[group];
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

                Update(parameter, grad, rate);
            }
        },
        closure);

    /// <summary>Updates one parameter from its gradient (weight decay included) at learning rate <paramref name="rate"/>.</summary>
    protected abstract void Update(Parameter parameter, Tensor gradient, double rate);
}
