using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>Global average pooling over height and width: [N, C, H, W] → [N, C]. No weights.</summary>
public sealed class PoolStage : NetworkStage
{
    /// <summary>Creates the stage.</summary>
    public PoolStage(string name) : base(name)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<(string LocalName, WeightLayerKind Kind)> WeightModules { get; } = [];

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, IList<Tensor>? layerOutputs) => x.mean([2L, 3L]);
}
