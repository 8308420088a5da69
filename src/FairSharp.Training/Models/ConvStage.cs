using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>Conv 3×3 (padding 1) → ReLU → max-pool 2×2.</summary>
public sealed class ConvStage : NetworkStage
{
    private readonly Conv2d conv;

    /// <summary>Creates the stage.</summary>
    public ConvStage(string name, int inChannels, int outChannels) : base(name)
    {
        conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<(string LocalName, WeightLayerKind Kind)> WeightModules { get; } = [("conv", WeightLayerKind.Conv)];

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, IList<Tensor>? layerOutputs)
    {
        var z = conv.forward(x);
        layerOutputs?.Add(z);
        return nn.functional.max_pool2d(nn.functional.relu(z), 2);
    }
}
