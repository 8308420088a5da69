using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>One block of a <see cref="FairNetwork"/> between two stitch points (e.g. Linear + ReLU + dropout, or a
/// residual layer). Its output is a representation the network can be cut at.</summary>
/// <remarks>Designed for extension: a new architecture is a list of stages plus a linear head.</remarks>
public abstract class NetworkStage : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates a stage with a readable name (<c>hidden1</c>, <c>layer3</c>, <c>pool</c>…).</summary>
    protected NetworkStage(string name) : base(name)
    {
        StageName = name;
    }

    /// <summary>Readable name of the stage, used as the stitch point's name.</summary>
    public string StageName { get; }

    /// <summary>The stage's weight layers in the order <see cref="Forward(Tensor, IList{Tensor}?)"/> appends their
    /// outputs: local module name (its weight is <c>{name}.weight</c>) and kind.</summary>
    public abstract IReadOnlyList<(string LocalName, WeightLayerKind Kind)> WeightModules { get; }

    /// <summary>Runs the stage; when <paramref name="layerOutputs"/> is given, appends the output of each weight
    /// layer (before activation / normalisation) in <see cref="WeightModules"/> order.</summary>
    public abstract Tensor Forward(Tensor x, IList<Tensor>? layerOutputs);

    /// <summary>Runs the stage without recording layer outputs.</summary>
    public override Tensor forward(Tensor input) => Forward(input, null);
}
