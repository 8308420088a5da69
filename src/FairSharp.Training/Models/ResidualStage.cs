using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>One ResNet-18 layer: two basic blocks (Conv3×3 → BN → ReLU → Conv3×3 → BN, plus the shortcut, → ReLU);
/// the first block may downsample with stride 2 and a 1×1 conv + BN shortcut.</summary>
public sealed class ResidualStage : NetworkStage
{
    private readonly Conv2d block1_conv1;
    private readonly BatchNorm2d block1_bn1;
    private readonly Conv2d block1_conv2;
    private readonly BatchNorm2d block1_bn2;
    private readonly Conv2d? block1_shortcut;
    private readonly BatchNorm2d? block1_shortcut_bn;
    private readonly Conv2d block2_conv1;
    private readonly BatchNorm2d block2_bn1;
    private readonly Conv2d block2_conv2;
    private readonly BatchNorm2d block2_bn2;

    /// <summary>Creates the layer.</summary>
    public ResidualStage(string name, int inChannels, int outChannels, int stride) : base(name)
    {
        block1_conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        block1_bn1 = nn.BatchNorm2d(outChannels);
        block1_conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        block1_bn2 = nn.BatchNorm2d(outChannels);
        var modules = new List<(string, WeightLayerKind)> { ("block1_conv1", WeightLayerKind.Conv), ("block1_conv2", WeightLayerKind.Conv) };
        if (stride != 1 || inChannels != outChannels)
        {
            block1_shortcut = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
            block1_shortcut_bn = nn.BatchNorm2d(outChannels);
            modules.Add(("block1_shortcut", WeightLayerKind.Conv));
        }

        block2_conv1 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        block2_bn1 = nn.BatchNorm2d(outChannels);
        block2_conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        block2_bn2 = nn.BatchNorm2d(outChannels);
        modules.Add(("block2_conv1", WeightLayerKind.Conv));
        modules.Add(("block2_conv2", WeightLayerKind.Conv));
        WeightModules = modules;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<(string LocalName, WeightLayerKind Kind)> WeightModules { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, IList<Tensor>? layerOutputs)
    {
        var a = block1_conv1.forward(x);
        layerOutputs?.Add(a);
        var b = block1_conv2.forward(nn.functional.relu(block1_bn1.forward(a)));
        layerOutputs?.Add(b);
        var shortcut = x;
        if (block1_shortcut is not null)
        {
            var s = block1_shortcut.forward(x);
            layerOutputs?.Add(s);
            shortcut = block1_shortcut_bn!.forward(s);
        }

        var h = nn.functional.relu(block1_bn2.forward(b).Plus(shortcut));
        var c = block2_conv1.forward(h);
        layerOutputs?.Add(c);
        var d = block2_conv2.forward(nn.functional.relu(block2_bn1.forward(c)));
        layerOutputs?.Add(d);
        return nn.functional.relu(block2_bn2.forward(d).Plus(h));
    }
}
