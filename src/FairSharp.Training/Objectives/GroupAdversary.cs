using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>FFB's <c>adv_gr</c> adversary: Linear(width → hidden) → ReLU → Linear(hidden → 1) (two groups, a logit
/// for s = 1) or Linear(hidden → G) (more groups, class logits).</summary>
public sealed class GroupAdversary : nn.Module<Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly Linear output;

    /// <summary>Creates the adversary.</summary>
    public GroupAdversary(int width, int hiddenWidth, int groupCount) : base("adversary")
    {
        hidden = nn.Linear(width, hiddenWidth);
        output = nn.Linear(hiddenWidth, groupCount == 2 ? 1 : groupCount);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => output.forward(nn.functional.relu(hidden.forward(input.flatten(1))));
}
