using FairSharp.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// TFS's stitched model on cached representations: logits = Top_K(S(h)), where h is the backbone's representation at
/// stitch point K, S the trainable <see cref="StitchLayer"/> and Top_K the rest of the backbone (at the penultimate
/// point: only its output layer). The backbone's parameters are frozen (<c>requires_grad = false</c>) and it always
/// runs in evaluation mode (dropout off, BatchNorm running statistics), whatever mode this module is in; with
/// <c>trainHead</c> (tfs-joint) the backbone's output layer is trainable too.
/// </summary>
public sealed class StitchedNetwork : FeatureClassifier
{
    private readonly StitchLayer stitch;
    private readonly FairNetwork backbone;

    /// <summary>Creates the stitched model and freezes <paramref name="backbone"/> (all but the head when <paramref name="trainHead"/>).</summary>
    /// <param name="backbone">The trained backbone (this module owns it from now on).</param>
    /// <param name="cut">Stitch point index (<see cref="FairNetwork.StitchPoints"/>).</param>
    /// <param name="stitch">The stitching layer for that point's shape.</param>
    /// <param name="trainHead">Also train the backbone's output layer (tfs-joint).</param>
    public StitchedNetwork(FairNetwork backbone, int cut, StitchLayer stitch, bool trainHead) : base("stitched")
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(stitch);
        if (cut < 0 || cut >= backbone.StageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(cut), cut, $"stitch point must be in 0..{backbone.StageCount - 1}");
        }

        this.backbone = backbone;
        this.stitch = stitch;
        Cut = cut;
        TrainsHead = trainHead;
        RegisterComponents();
        foreach (var p in backbone.parameters())
        {
            p.requires_grad = false;
        }

        if (trainHead)
        {
            backbone.Head.weight!.requires_grad = true;
            backbone.Head.bias!.requires_grad = true;
        }

        backbone.eval();
    }

    /// <summary>The stitch point.</summary>
    public int Cut { get; }

    /// <summary>True for tfs-joint.</summary>
    public bool TrainsHead { get; }

    /// <summary>The stitching layer.</summary>
    public StitchLayer Stitch => stitch;

    /// <summary>The (frozen) backbone.</summary>
    public FairNetwork Backbone => backbone;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> StitchParameters => [stitch.Weight, stitch.Bias];

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> HeadParameters => TrainsHead ? [backbone.Head.weight!, backbone.Head.bias!] : [];

    /// <summary>True when the stitch sits right before the output layer, so stitch and head are one affine map.</summary>
    public bool IsPenultimate => Cut == backbone.PenultimateCut && stitch.IsLinear;

    /// <summary>Logits Top_K(S(h)). At the penultimate point the two affine maps are composed first:
    /// v·(W·h + b) + c = (v·W)·h + (v·b + c), the same function and gradients computed in O(N·d + d²) per batch instead
    /// of O(N·d²) (v, c: the output layer; W, b: the stitch). With W = I and b = 0 it is the backbone's head bit for bit.</summary>
    public override Tensor forward(Tensor input)
    {
        if (!IsPenultimate)
        {
            return backbone.Top(Cut, stitch.forward(input));
        }

        var head = backbone.Head;
        var v = (Tensor)head.weight!;
        var effective = v.matmul(stitch.Weight);
        var bias = v.matmul(stitch.Bias.unsqueeze(1)).view(-1).Plus(head.bias!);
        return nn.functional.linear(input, effective, bias).view(-1);
    }

    /// <summary>Logits computed literally as Top_K(S(h)) (layer by layer), for checking <see cref="forward"/>.</summary>
    public Tensor ForwardLayerByLayer(Tensor input) => backbone.Top(Cut, stitch.forward(input));

    /// <summary>Sets the mode of the stitch; the backbone stays in evaluation mode.</summary>
    public override void train(bool on = true)
    {
        base.train(on);
        backbone.eval();
    }
}
