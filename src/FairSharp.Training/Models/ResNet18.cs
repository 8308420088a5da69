namespace FairSharp.Training.Models;

/// <summary>ResNet-18 for small images (CIFAR-style stem: 3×3 conv, no max-pool): stem, four residual layers of two
/// basic blocks (strides 1, 2, 2, 2), global average pool (the penultimate representation), Linear(→ 1).
/// Stitch points: stem, layer1..layer4, pool.</summary>
public sealed class ResNet18 : FairNetwork
{
    /// <summary>Builds the network described by <paramref name="spec"/> (architecture <c>resnet18</c>; hidden = the
    /// four layer widths, 64-128-256-512 for the standard network).</summary>
    public ResNet18(ModelSpec spec) : base("resnet18", spec, Stages(spec), spec.Hidden[3])
    {
    }

    private static IEnumerable<NetworkStage> Stages(ModelSpec spec)
    {
        yield return new StemStage("stem", spec.InputShape[0], spec.Hidden[0]);
        var channels = spec.Hidden[0];
        for (var i = 0; i < 4; i++)
        {
            yield return new ResidualStage($"layer{i + 1}", channels, spec.Hidden[i], i == 0 ? 1 : 2);
            channels = spec.Hidden[i];
        }

        yield return new PoolStage("pool");
    }
}
