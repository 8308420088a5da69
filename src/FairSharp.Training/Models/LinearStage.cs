using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>Linear → ReLU → dropout (flattening its input first when it is not 2-D).</summary>
public sealed class LinearStage : NetworkStage
{
    private readonly Linear linear;
    private readonly double dropout;

    /// <summary>Creates the stage.</summary>
    /// <param name="name">Stage name.</param>
    /// <param name="inputs">Input width.</param>
    /// <param name="outputs">Output width.</param>
    /// <param name="dropout">Dropout probability (0 = none), active in training mode only.</param>
    public LinearStage(string name, int inputs, int outputs, double dropout) : base(name)
    {
        linear = nn.Linear(inputs, outputs);
        this.dropout = dropout;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<(string LocalName, WeightLayerKind Kind)> WeightModules { get; } = [("linear", WeightLayerKind.Linear)];

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, IList<Tensor>? layerOutputs)
    {
        var input = x.dim() == 2 ? x : x.flatten(1);
        var z = linear.forward(input);
        layerOutputs?.Add(z);
        var h = nn.functional.relu(z);
        if (dropout <= 0)
        {
            return h;
        }

        return training ? ManagedDropout.Apply(h, dropout) : h;
    }
}
