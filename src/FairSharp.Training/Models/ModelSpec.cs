using System.Globalization;

namespace FairSharp.Training.Models;

/// <summary>Everything needed to recreate a <see cref="FairNetwork"/>'s architecture (weights come from a state dict).</summary>
/// <param name="Architecture"><see cref="Mlp"/> (<c>mlp</c>), <see cref="SmallCnn"/> (<c>small-cnn</c>) or
/// <see cref="ResNet18"/> (<c>resnet18</c>: torchvision's stem; <c>resnet18-cifar</c>: the CIFAR-style stem).</param>
/// <param name="InputShape">Shape of one input row: <c>[d]</c> for the MLP, <c>[C, H, W]</c> for the CNNs.</param>
/// <param name="Hidden">MLP: hidden widths (FFB: 512, 256, 64). Small CNN: conv channel counts, then the width of the
/// fully connected layer (default 32, 64, 128). ResNet-18: the four stage widths (default 64, 128, 256, 512).</param>
/// <param name="Dropout">Dropout probability after every hidden ReLU of the MLP and after the CNN's fully connected
/// layer; 0 = none. Default 0.</param>
public sealed record ModelSpec(string Architecture, IReadOnlyList<int> InputShape, IReadOnlyList<int> Hidden, double Dropout = 0)
{
    /// <summary>Name of the multi-layer perceptron.</summary>
    public const string MlpName = "mlp";

    /// <summary>Name of the small convolutional network.</summary>
    public const string SmallCnnName = "small-cnn";

    /// <summary>Name of the standard ResNet-18 (torchvision's 7×7 stride-2 stem + max-pool).</summary>
    public const string ResNet18Name = "resnet18";

    /// <summary>Name of the ResNet-18 with the CIFAR-style stem (3×3 stride 1, no max-pool).</summary>
    public const string ResNet18CifarName = "resnet18-cifar";

    /// <summary>Every architecture name a spec accepts: the one list that validation and the CLI's completions read.</summary>
    public static IReadOnlyList<string> ArchitectureNames { get; } = [MlpName, SmallCnnName, ResNet18Name, ResNet18CifarName];

    /// <summary>Error text: unknown architecture (format: the name).</summary>
    public const string UnknownArchitecture = "unknown model architecture '{0}' (expected mlp, small-cnn, resnet18 or resnet18-cifar)";

    /// <summary>Error text: the input shape does not fit the architecture (format: architecture, shape).</summary>
    public const string BadInputShape = "model '{0}' cannot take inputs of shape [{1}]";

    /// <summary>Error text: a width is not positive or the list is empty (format: architecture, widths).</summary>
    public const string BadHidden = "model '{0}' needs positive layer widths, got [{1}]";

    /// <summary>Error text: dropout outside [0, 1) (format: value).</summary>
    public const string BadDropout = "dropout must be in [0, 1), got {0}";

    /// <summary>The FFB tabular MLP: hidden 512-256-64, ReLU, dropout 0.5.</summary>
    public static ModelSpec FfbMlp(int inputs, double dropout = 0.5) => new(MlpName, [inputs], [512, 256, 64], dropout);

    /// <summary>Throws <see cref="InvalidInputException"/> when the spec cannot be built.</summary>
    public void Validate()
    {
        var shape = string.Join(",", InputShape ?? []);
        var hidden = string.Join(",", Hidden ?? []);
        if (!ArchitectureNames.Contains(Architecture))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownArchitecture, Architecture));
        }

        var rank = Architecture == MlpName ? 1 : 3;
        if (InputShape is null || InputShape.Count != rank || InputShape.Any(d => d <= 0)
            || (Architecture != MlpName && (InputShape[1] < 8 || InputShape[2] < 8)))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadInputShape, Architecture, shape));
        }

        var resNet = Architecture is ResNet18Name or ResNet18CifarName;
        var minHidden = Architecture == SmallCnnName ? 2 : resNet ? 4 : 1;
        if (Hidden is null || Hidden.Count < minHidden || (resNet && Hidden.Count != 4) || Hidden.Any(w => w <= 0)
            || (Architecture == SmallCnnName && Hidden.Count > 1 + Math.Log2(Math.Min(InputShape[1], InputShape[2]))))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadHidden, Architecture, hidden));
        }

        if (!(Dropout >= 0 && Dropout < 1))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadDropout, Dropout));
        }
    }

    /// <summary>Validates and builds a freshly initialised network (initialisation draws from torch's global
    /// generator: seed it first with <c>torch.manual_seed</c>).</summary>
    public FairNetwork Build()
    {
        Validate();
        return Architecture switch
        {
            MlpName => new Mlp(this),
            SmallCnnName => new SmallCnn(this),
            _ => new ResNet18(this),
        };
    }
}
