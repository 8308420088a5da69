using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>ResNet stem for 32×32 inputs (CIFAR style): Conv 3×3 stride 1 → BatchNorm → ReLU, no max-pool.</summary>
public sealed class StemStage : NetworkStage
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;

    /// <summary>Creates the stem.</summary>
    public StemStage(string name, int inChannels, int outChannels) : base(name)
    {
        conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: false);
        bn = nn.BatchNorm2d(outChannels);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<(string LocalName, WeightLayerKind Kind)> WeightModules { get; } = [("conv", WeightLayerKind.Conv)];

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, IList<Tensor>? layerOutputs)
    {
        var z = conv.forward(x);
        layerOutputs?.Add(z);
        return nn.functional.relu(bn.forward(z));
    }
}
