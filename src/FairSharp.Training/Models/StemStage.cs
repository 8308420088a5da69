using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>ResNet stem. Standard (torchvision <c>resnet18</c>, the network The Fairness Stitch and FFB train): Conv
/// 7×7 stride 2 → BatchNorm → ReLU → MaxPool 3×3 stride 2, so a 32×32 input reaches layer1 at 8×8. CIFAR style
/// (<c>resnet18-cifar</c>): Conv 3×3 stride 1 → BatchNorm → ReLU, no max-pool (layer1 at full resolution, about 16×
/// the compute of the standard stem at 32×32).</summary>
public sealed class StemStage : NetworkStage
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly MaxPool2d? pool;

    /// <summary>Creates the stem.</summary>
    /// <param name="name">Stage name.</param>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels (the first layer's width).</param>
    /// <param name="cifar">True for the CIFAR-style stem; false (default) for torchvision's.</param>
    public StemStage(string name, int inChannels, int outChannels, bool cifar = false) : base(name)
    {
        conv = cifar
            ? nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: false)
            : nn.Conv2d(inChannels, outChannels, 7, stride: 2, padding: 3, bias: false);
        bn = nn.BatchNorm2d(outChannels);
        pool = cifar ? null : nn.MaxPool2d(3, stride: 2, padding: 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<(string LocalName, WeightLayerKind Kind)> WeightModules { get; } = [("conv", WeightLayerKind.Conv)];

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, IList<Tensor>? layerOutputs)
    {
        var z = conv.forward(x);
        layerOutputs?.Add(z);
        var h = nn.functional.relu(bn.forward(z));
        return pool is null ? h : pool.forward(h);
    }
}
