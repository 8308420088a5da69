using System.Globalization;
using FairSharp.Training.Methods;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Stitching;

/// <summary>The typed options of the stitch methods (tfs, fdr, tfs-joint; <see cref="StitchMethodDescriptor"/>): how a
/// stitch run trains, every default in one place. Defaults are the released TFS / FDR hyper-parameters (tfs.md §8–§9,
/// §15) except the batch size: full batch by default (Mao's default, where the fairness constraint acts; tfs.md §4, A1);
/// 1 is the released value. Every property but <see cref="Method"/>, <see cref="Seed"/> and <see cref="Threads"/> is a
/// knob of the method's descriptor (settable from <c>fairsharp stitch</c> and a sweep axis).</summary>
public sealed record StitchOptions : MethodOptions
{
    /// <summary>Error text: FAIRER's alignment term needs the stitch (format: method).</summary>
    public const string AlignNeedsStitch = "lambda_align applies to the stitch of tfs and tfs-joint, not to {0}";

    /// <summary>Error text: the stitch layer does not exist (format: value, last index).</summary>
    public const string BadStitchLayer = "stitch_layer {0} does not exist: the backbone has stitch points 0..{1}";

    /// <summary><c>tfs</c> (default), <c>fdr</c> or <c>tfs-joint</c>.</summary>
    public StitchMethod Method { get; init; } = StitchMethod.Tfs;

    /// <summary>Weight α of the fairness term (default 20, the TFS repository's value for TFS and FDR).</summary>
    public double Alpha { get; init; } = 20;

    /// <summary>Fairness term (default <c>eo</c>, the one TFS uses).</summary>
    public StitchConstraint Constraint { get; init; } = StitchConstraint.EqualizedOdds;

    /// <summary>Stitch point index; null (default) = the penultimate representation.</summary>
    public int? StitchLayer { get; init; }

    /// <summary>Stitch initialisation (default <c>random</c>, as released). Ignored by FDR.</summary>
    public StitchInit Init { get; init; } = StitchInit.Random;

    /// <summary>Rows per batch; null (default) = the whole balanced set as one batch. 1 = the released setting.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Epochs over the balanced set (default 1000, as released).</summary>
    public int Epochs { get; init; } = 1000;

    /// <summary>SGD learning rate (default 1e−2, <c>ft_lr</c>).</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>SGD momentum (default 0.9).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>SGD weight decay (default 5e−4).</summary>
    public double WeightDecay { get; init; } = 5e-4;

    /// <summary>Class-weighted NLL (w_c = max n / n_c on the fine-tuning set); null (default) = FDR yes, TFS no, as released.</summary>
    public bool? ClassWeighted { get; init; }

    /// <summary>Rows the balanced set is drawn from (default train + validation, the authors' protocol).</summary>
    public FineTuningSet FineTuneOn { get; init; } = FineTuningSet.TrainAndValidation;

    /// <summary>Weight λ_align of FAIRER's parity alignment on the stitch (<see cref="StitchAlignment"/>); default 0 = off
    /// (plain TFS). tfs and tfs-joint only.</summary>
    public double LambdaAlign { get; init; }

    /// <summary>The selection rule applied identically to every method (default: tfs.md A4 with the A5 relative gate).</summary>
    public TfsGate Selection { get; init; } = new();

    /// <summary>The one seed of the run: balanced-set draw, stitch / head initialisation, batch order. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Torch threads; null = leave torch's setting.</summary>
    public int? Threads { get; init; }

    /// <summary>True when the NLL is class-weighted after the method default.</summary>
    public bool EffectiveClassWeighted => ClassWeighted ?? Method == StitchMethod.Fdr;

    /// <summary>Throws <see cref="InvalidInputException"/> on the first bad value, naming its knob (the stitch layer is
    /// checked against the backbone with <see cref="ResolveCut"/>).</summary>
    public override void Validate()
    {
        Check.NonNegative(Alpha, "alpha");
        Check.AtLeastOne(Epochs, "epochs");
        if (BatchSize is { } batch)
        {
            Check.AtLeastOne(batch, "batch_size");
        }

        if (Threads is { } threads)
        {
            Check.AtLeastOne(threads, "--threads");
        }

        Check.Positive(LearningRate, "lr");
        if (!(Momentum >= 0 && Momentum < 1))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, "momentum must be in [0, 1), got {0}", Momentum));
        }

        Check.NonNegative(WeightDecay, "weight_decay");
        Check.NonNegative(LambdaAlign, "lambda_align");
        if (LambdaAlign > 0 && Method == StitchMethod.Fdr)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, AlignNeedsStitch, Method.ToName()));
        }

        ArgumentNullException.ThrowIfNull(Selection);
        Selection.Validate();
    }

    /// <summary>The stitch point index for a backbone with <paramref name="stitchPoints"/> points: <see cref="StitchLayer"/>,
    /// or the penultimate point; throws <see cref="InvalidInputException"/> when it does not exist.</summary>
    public int ResolveCut(int stitchPoints)
    {
        var cut = StitchLayer ?? stitchPoints - 1;
        if (cut < 0 || cut >= stitchPoints)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadStitchLayer, cut, stitchPoints - 1));
        }

        return cut;
    }
}
