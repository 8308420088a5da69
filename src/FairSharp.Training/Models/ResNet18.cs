namespace FairSharp.Training.Models;

/// <summary>ResNet-18: stem, four residual layers of two basic blocks (strides 1, 2, 2, 2), global average pool (the
/// penultimate representation), Linear(→ 1). Architecture <c>resnet18</c> has torchvision's stem (7×7 stride-2 conv +
/// 3×3 stride-2 max-pool), as in The Fairness Stitch (<c>Modar7/The_Fairness_Stitch: src/models/ResNet18_model.py</c>,
/// torchvision <c>resnet18(weights=None)</c>) and FFB; <c>resnet18-cifar</c> has the CIFAR-style 3×3 stride-1 stem
/// without max-pool (see <see cref="StemStage"/>). Stitch points: stem, layer1..layer4, pool.</summary>
public sealed class ResNet18 : FairNetwork
{
    /// <summary>Builds the network described by <paramref name="spec"/> (architecture <c>resnet18</c> or
    /// <c>resnet18-cifar</c>; hidden = the four layer widths, 64-128-256-512 for the standard network).</summary>
    public ResNet18(ModelSpec spec) : base("resnet18", spec, Stages(spec), spec.Hidden[3])
    {
    }

    private static IEnumerable<NetworkStage> Stages(ModelSpec spec)
    {
        yield return new StemStage("stem", spec.InputShape[0], spec.Hidden[0], cifar: spec.Architecture == ModelSpec.ResNet18CifarName);
        var channels = spec.Hidden[0];
        for (var i = 0; i < 4; i++)
        {
            yield return new ResidualStage($"layer{i + 1}", channels, spec.Hidden[i], i == 0 ? 1 : 2);
            channels = spec.Hidden[i];
        }

        yield return new PoolStage("pool");
    }
}
