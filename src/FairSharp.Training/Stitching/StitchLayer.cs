using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// The stitching layer: an affine map of the representation onto itself, with bias, no normalisation and no
/// nonlinearity. On a flat representation [N, d] it is <c>Linear(d → d)</c> (TFS: 512 → 512); on a convolutional one
/// [N, C, H, W] it is a 1×1 convolution C → C, the same affine map applied at every position (Lenc &amp; Vedaldi,
/// Bansal et al.; a dense map over C·H·W values would have (C·H·W)² weights).
/// </summary>
public sealed class StitchLayer : nn.Module<Tensor, Tensor>
{
    private readonly Linear? linear;
    private readonly Conv2d? conv;

    /// <summary>Creates the layer for representations of shape <paramref name="shape"/> (one row, without the batch
    /// dimension), with PyTorch's default initialisation (draws from torch's global generator).</summary>
    public StitchLayer(IReadOnlyList<int> shape) : base("stitch")
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape.ToArray();
        if (shape.Count == 1)
        {
            linear = nn.Linear(shape[0], shape[0]);
        }
        else if (shape.Count == 3)
        {
            conv = nn.Conv2d(shape[0], shape[0], 1);
        }
        else
        {
            throw new ArgumentException($"a stitch needs a representation of shape [d] or [C, H, W], got [{string.Join(",", shape)}]", nameof(shape));
        }

        RegisterComponents();
    }

    /// <summary>Shape of one row of the representation.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Number of channels the map mixes (d, or C for a convolutional representation).</summary>
    public int Channels => Shape[0];

    /// <summary>The weight (Linear: [d, d]; 1×1 conv: [C, C, 1, 1]).</summary>
    public Parameter Weight => linear?.weight ?? conv!.weight!;

    /// <summary>The bias, [d] or [C].</summary>
    public Parameter Bias => linear?.bias ?? conv!.bias!;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => linear is not null ? linear.forward(input) : conv!.forward(input);

    /// <summary>Sets W = I and b = 0: the layer passes the representation through unchanged.</summary>
    public void SetIdentity()
    {
        using var scope = NewDisposeScope();
        SetAffine(eye(Channels, dtype: Weight.dtype, device: Weight.device), zeros(Channels, dtype: Bias.dtype, device: Bias.device));
    }

    /// <summary>Sets the map to h ↦ M·h + b per position (<paramref name="matrix"/> [out = C, in = C], <paramref name="bias"/> [C]).</summary>
    public void SetAffine(Tensor matrix, Tensor bias)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(bias);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Weight.copy_(matrix.to(Weight.dtype).reshape(Weight.shape));
        Bias.copy_(bias.to(Bias.dtype).reshape(Bias.shape));
    }
}
