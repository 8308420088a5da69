using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// FDR's fresh output layer on the (flattened) representation: one logit z = v·h + c. It is initialised as the
/// difference of the two rows of a freshly initialised PyTorch <c>Linear(d, 2)</c> (v = w₁ − w₀, c = b₁ − b₀), which
/// is exactly the one-logit form of the released <c>out_fc = Linear(512, 2)</c>; trained with twice the learning rate
/// and half the weight decay it follows the released head's logit difference step by step.
/// </summary>
public sealed class FreshHead : FeatureClassifier
{
    private readonly Linear linear;

    /// <summary>Creates the head for representations of <paramref name="width"/> values per row. Its first draws from torch's
    /// global generator are those of <c>nn.Linear(width, 2)</c>, so after the same <c>manual_seed</c> the head is the row
    /// difference of the PyTorch head.</summary>
    public FreshHead(int width) : base("fresh_head")
    {
        Width = width;
        using var twoLogits = nn.Linear(width, 2);
        linear = nn.Linear(width, 1);
        using (var noGrad = no_grad())
        using (var scope = NewDisposeScope())
        {
            linear.weight!.copy_((twoLogits.weight![1] - twoLogits.weight[0]).unsqueeze(0));
            linear.bias!.copy_((twoLogits.bias![1] - twoLogits.bias[0]).reshape(1));
        }

        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int Width { get; }

    /// <summary>The layer, Linear(width → 1).</summary>
    public Linear Linear => linear;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> StitchParameters => [];

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> HeadParameters => [linear.weight!, linear.bias!];

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => linear.forward(input.dim() == 2 ? input : input.flatten(1)).view(-1);
}
