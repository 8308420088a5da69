using System.Globalization;
using FairSharp.Data;
using FairSharp.Data.Csv;
using FairSharp.Data.Protocols;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Protocols;

namespace FairSharp.Training.Runs;

/// <summary>One training run as the CLI (<c>fairsharp train</c>) and sweep trials describe it: dataset, sensitive
/// attributes, method, protocol preset, and overrides. Null overrides keep the protocol's value
/// (<see cref="TrainingProtocols"/>).</summary>
/// <param name="Dataset">Catalogue name (<c>adult</c>, <c>compas</c>, …).</param>
/// <param name="Sensitive">Sensitive attributes (several = intersectional groups).</param>
/// <param name="Method">Method name (<see cref="MethodRegistry.Names"/>); default <c>erm</c>.</param>
public sealed record TrainRequest(string Dataset, IReadOnlyList<string> Sensitive, string Method = "erm")
{
    /// <summary>Error text: epochs or steps not positive (format: option, value).</summary>
    public const string MustBePositive = TrainerOptions.MustBePositive;

    /// <summary>Protocol preset (<c>ffb</c> default, <c>fairmixup</c>, <c>tfs</c>): data split and preprocessing AND the
    /// training settings.</summary>
    public string Protocol { get; init; } = FfbProtocol.ProtocolName;

    /// <summary>Fairness constraint of the penalty (default dp).</summary>
    public FairnessConstraint Constraint { get; init; } = FairnessConstraint.DemographicParity;

    /// <summary>The method's typed options (e.g. <see cref="FairerOptions"/>, built from knob texts with
    /// <see cref="MethodDescriptor.Configure"/>); null = the method's defaults. Validated by <see cref="ValidateOptions"/>.</summary>
    public MethodOptions? Options { get; init; }

    /// <summary>The method's descriptor.</summary>
    public NetworkMethodDescriptor Descriptor => MethodRegistry.Network(Method);

    /// <summary><see cref="Options"/>, or the method's defaults.</summary>
    public MethodOptions ResolvedOptions => Options ?? Descriptor.Defaults;

    /// <summary>fairmixup: numpy's (aif360's) split permutation for the seed, i.e. the authors' split
    /// (<see cref="DataRequest.NumpySplit"/>; CLI <c>--numpy-split</c>).</summary>
    public bool NumpySplit { get; init; }

    /// <summary>Sampler for every method of a comparison (<see cref="SamplerRule.ForComparison"/>); null (default) = the
    /// protocol's, unless the method needs stratified batches (<see cref="SamplerRule.ForRun"/>).</summary>
    public SamplingKind? Sampling { get; init; }

    /// <summary>Why <see cref="Sampling"/> was chosen (recorded in result.json); null when it is not set.</summary>
    public string? SamplingReason { get; init; }

    /// <summary>The one seed of the run: split, initialisation, dropout, batches, the objective's draws. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Epochs; under a step-based protocol (ffb) this many passes over the training split. Null = protocol.</summary>
    public int? Epochs { get; init; }

    /// <summary>Training steps of a step-based protocol. Null = protocol (ffb: 150).</summary>
    public int? Steps { get; init; }

    /// <summary>Batch size (per stratum for stratified sampling). Null = protocol.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Model architecture: <c>mlp</c>, <c>small-cnn</c>, <c>resnet18</c> (torchvision stem) or <c>resnet18-cifar</c> (<see cref="ModelSpec"/>). Null = the
    /// protocol's (ffb tabular, fairmixup: mlp; ffb images, tfs: resnet18). A CNN needs image data; an MLP on images
    /// takes the flattened pixels.</summary>
    public string? Architecture { get; init; }

    /// <summary>Hidden widths of the model (MLP layers; CNN channels). Null = protocol (ffb: 512, 256, 64).</summary>
    public IReadOnlyList<int>? Hidden { get; init; }

    /// <summary>Dropout probability of the model. Null = protocol (ffb: 0.5).</summary>
    public double? Dropout { get; init; }

    /// <summary>Steps between evaluations of a step-based protocol. Null = protocol (ffb: 10).</summary>
    public int? EvaluateEvery { get; init; }

    /// <summary>Evaluate validation and test at every evaluation period (<see cref="TrainerOptions.TestCurve"/>). Default false.</summary>
    public bool TestCurve { get; init; }

    /// <summary>Learning rate. Null = protocol.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Model selection rule name (<c>last</c>, <c>min-gap</c>, <c>max-accuracy-within-gap</c>). Null = protocol.</summary>
    public string? Selection { get; init; }

    /// <summary>Gap metric key of the selection rule. Null = the constraint's score gap (protocol dependent).</summary>
    public string? SelectionGapKey { get; init; }

    /// <summary>ε of <c>max-accuracy-within-gap</c> (default 0.05).</summary>
    public double SelectionEpsilon { get; init; } = 0.05;

    /// <summary>Warm-up epochs of <c>min-gap</c>. Null = protocol (fairmixup: 1).</summary>
    public int? SelectionWarmup { get; init; }

    /// <summary><c>cpu</c> (default) or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Torch threads; null = all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>A user's CSV in place of the catalogue dataset (<c>--data</c>); <see cref="Dataset"/> is then its label.</summary>
    public CsvDataOptions? Csv { get; init; }

    /// <summary>Folder of the bundled datasets; null = located from the current directory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>UTKFace folder; null = the data layer's default.</summary>
    public string? UtkFaceDirectory { get; init; }

    /// <summary>Throws <see cref="InvalidInputException"/> on the first bad field (method, its options, counts, device, the data request).</summary>
    public void Validate()
    {
        ValidateOptions();
        ToDataRequest().Validate();
    }

    /// <summary>Checks everything but the data request (for runs on data prepared elsewhere).</summary>
    public void ValidateOptions()
    {
        var descriptor = Descriptor;
        if (Options is { } options && options.GetType() != descriptor.Defaults.GetType())
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MethodDescriptor.WrongOptions, options.GetType().Name, Method));
        }

        if (Architecture is not null && !ModelSpec.ArchitectureNames.Contains(Architecture))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ModelSpec.UnknownArchitecture, Architecture));
        }

        ResolvedOptions.Validate();
        Positive("--epochs", Epochs);
        Positive("--steps", Steps);
        Positive("--batch-size", BatchSize);
        Positive("--threads", Threads);
        Positive("--eval-every", EvaluateEvery);
        if (LearningRate is { } lr && (!(lr > 0) || double.IsInfinity(lr)))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, TrainerOptions.BadRate, "--lr", lr));
        }

        if (Device is not ("cpu" or "cuda"))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, TrainerOptions.UnknownDevice, Device));
        }
    }

    /// <summary>The data request of this run (same dataset, attributes, protocol, seed, folders).</summary>
    public DataRequest ToDataRequest() => new(Dataset, Sensitive, Protocol, Seed)
    {
        NumpySplit = NumpySplit,
        DataDirectory = DataDirectory,
        UtkFaceDirectory = UtkFaceDirectory,
        Csv = Csv,
    };

    private static void Positive(string name, int? value)
    {
        if (value is < 1)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MustBePositive, name, value));
        }
    }
}
