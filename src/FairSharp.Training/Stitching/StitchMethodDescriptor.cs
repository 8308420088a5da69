using FairSharp.Training.Methods;

namespace FairSharp.Training.Stitching;

/// <summary>
/// A stitch method (tfs, fdr, tfs-joint; Mao et al. 2023 and the TFS repository) as a <see cref="MethodDescriptor"/>:
/// its options are <see cref="StitchOptions"/> with the method set, and every hyper-parameter of the fine-tuning is a
/// knob, so <c>fairsharp stitch</c> offers it as a flag (<c>batch_size</c> → <c>--batch-size</c>) and a sweep can make it
/// an axis (<c>--grid tfs.batch_size=1</c>, <c>--grid tfs.fine_tune_on=train</c>). The sweep's λ axis is α
/// (<see cref="WeightKnob"/>); each trial starts from the ERM backbone of its data, protocol and seed
/// (<see cref="Backbone"/>). FDR has no stitching layer, so it has neither <c>init</c> nor <c>lambda_align</c>.
/// </summary>
public sealed class StitchMethodDescriptor : MethodDescriptor
{
    // Declared before the descriptors below: static fields initialise in text order.
    private static readonly string[] Inits = [StitchInit.Random.ToName(), StitchInit.Identity.ToName(), StitchInit.LeastSquares.ToName()];

    private static readonly MethodKnob InitKnob = MethodKnob.Choice<StitchOptions, StitchInit>("init",
        "stitch initialisation: random (PyTorch default, as released; default), identity or lstsq",
        Inits, [StitchInit.Random, StitchInit.Identity, StitchInit.LeastSquares], o => o.Init, (o, v) => o with { Init = v });

    private static readonly MethodKnob LambdaAlignKnob = MethodKnob.Number<StitchOptions>("lambda_align",
        "FAIRER x TFS: weight of FAIRER's parity alignment of the two groups' neuron influence on the stitch (default 0 = off)",
        o => o.LambdaAlign, (o, v) => o with { LambdaAlign = v });

    // alpha, constraint and stitch_layer first (init follows them for the methods with a stitch), then the rest.
    private static readonly MethodKnob[] CommonKnobs =
    [
        MethodKnob.Number<StitchOptions>("alpha", "weight α of the fairness term, >= 0 (default 20, as released)", o => o.Alpha, (o, v) => o with { Alpha = v }),
        MethodKnob.Choice<StitchOptions, StitchConstraint>("constraint",
            "fairness term: eo (soft FPR + FNR gaps; default), ae (accuracy equality) or mmf (max-min fairness)",
            [.. Enum.GetValues<StitchConstraint>().Select(c => c.ToName())], Enum.GetValues<StitchConstraint>(), o => o.Constraint, (o, v) => o with { Constraint = v }),
        MethodKnob.OptionalInteger<StitchOptions>("stitch_layer", "stitch point index K (0 = first hidden stage); default penultimate, the last representation",
            "penultimate", o => o.StitchLayer, (o, v) => o with { StitchLayer = v }),
        MethodKnob.OptionalInteger<StitchOptions>("batch_size", "rows per batch; default full (the whole balanced set); 1 = the released setting",
            "full", o => o.BatchSize, (o, v) => o with { BatchSize = v }),
        MethodKnob.Integer<StitchOptions>("epochs", "epochs over the balanced set (default 1000, as released)", o => o.Epochs, (o, v) => o with { Epochs = v }),
        MethodKnob.Number<StitchOptions>("lr", "SGD learning rate (default 0.01)", o => o.LearningRate, (o, v) => o with { LearningRate = v }),
        MethodKnob.Number<StitchOptions>("momentum", "SGD momentum (default 0.9)", o => o.Momentum, (o, v) => o with { Momentum = v }),
        MethodKnob.Number<StitchOptions>("weight_decay", "SGD weight decay (default 5e-4)", o => o.WeightDecay, (o, v) => o with { WeightDecay = v }),
        MethodKnob.Choice<StitchOptions, bool>("class_weighted", "class-weighted NLL: true (fdr's default, as released) or false (tfs's default)",
            ["true", "false"], [true, false], o => o.EffectiveClassWeighted, (o, v) => o with { ClassWeighted = v }),
        MethodKnob.Choice<StitchOptions, FineTuningSet>("fine_tune_on",
            "pool of the balanced set: train+val (the authors' protocol; default) or train (clean: validation unseen)",
            [FineTuningSet.TrainAndValidation.ToName(), FineTuningSet.TrainOnly.ToName()], [FineTuningSet.TrainAndValidation, FineTuningSet.TrainOnly],
            o => o.FineTuneOn, (o, v) => o with { FineTuneOn = v }),
        MethodKnob.OptionalNumber<StitchOptions>("gate_bacc", "selection gate: validation balanced accuracy > X (CelebA code: 0.86); default none: the relative gate",
            "none", o => o.Selection.MinBalancedAccuracy, (o, v) => o with { Selection = o.Selection with { MinBalancedAccuracy = v } }),
        MethodKnob.OptionalNumber<StitchOptions>("gate_bacc_drop", "relative gate when gate_bacc is none: balanced accuracy >= backbone's - X (default 0.03)",
            "none", o => o.Selection.RelativeBalancedAccuracyDrop, (o, v) => o with { Selection = o.Selection with { RelativeBalancedAccuracyDrop = v } }),
        MethodKnob.OptionalNumber<StitchOptions>("gate_auc", "selection gate: validation ROC AUC > X (CelebA code: 0.93); default none",
            "none", o => o.Selection.MinRocAuc, (o, v) => o with { Selection = o.Selection with { MinRocAuc = v } }),
        MethodKnob.OptionalNumber<StitchOptions>("gate_eod", "selection gate: validation equalized_odds_difference < X (CelebA code: 0.12); default none",
            "none", o => o.Selection.MaxEqualizedOdds, (o, v) => o with { Selection = o.Selection with { MaxEqualizedOdds = v } }),
    ];

    private StitchMethodDescriptor(StitchMethod method, string summary)
    {
        Method = method;
        Summary = summary;
        Defaults = new StitchOptions { Method = method };
        Knobs = method == StitchMethod.Fdr
            ? [.. CommonKnobs]
            : [.. CommonKnobs.Take(3), InitKnob, .. CommonKnobs.Skip(3), LambdaAlignKnob];
    }

    /// <summary><c>tfs</c>: a trainable stitching layer in front of the backbone's frozen top.</summary>
    public static StitchMethodDescriptor Tfs { get; } = new(StitchMethod.Tfs,
        "the Fairness Stitch: a stitching layer before the frozen top, fine-tuned on a group-balanced set with NLL + α·EO surrogate (TFS repository)");

    /// <summary><c>fdr</c>: a fresh linear head on the representation.</summary>
    public static StitchMethodDescriptor Fdr { get; } = new(StitchMethod.Fdr,
        "fair deep feature reweighting: a fresh linear head, class-weighted NLL + α·EO surrogate on a group-balanced set (Mao et al. 2023)");

    /// <summary><c>tfs-joint</c>: the stitch and the backbone's output layer trained together.</summary>
    public static StitchMethodDescriptor TfsJoint { get; } = new(StitchMethod.TfsJoint,
        "TFS with the stitch and the output layer trained jointly (tfs.md A2)");

    /// <summary>The three stitch methods, in <see cref="StitchMethods.Names"/> order.</summary>
    public static IReadOnlyList<StitchMethodDescriptor> All { get; } = [Tfs, Fdr, TfsJoint];

    /// <summary>Which stitch method.</summary>
    public StitchMethod Method { get; }

    /// <inheritdoc />
    public override string Name => Method.ToName();

    /// <inheritdoc />
    public override string Summary { get; }

    /// <inheritdoc />
    public override MethodKind Kind => MethodKind.Stitch;

    /// <inheritdoc />
    public override MethodOptions Defaults { get; }

    /// <inheritdoc />
    public override IReadOnlyList<MethodKnob> Knobs { get; }

    /// <summary><c>alpha</c>: the weight of the fairness term is the sweep's λ axis.</summary>
    public override string? WeightKnob => "alpha";

    /// <summary><c>erm</c>: every stitch trial fine-tunes the ERM model of its data, protocol and seed.</summary>
    public override string? Backbone => "erm";
}
