using System.Globalization;
using FairSharp.Experiments.Sweeps;
using FairSharp.Metrics;

namespace FairSharp.Experiments.Study;

/// <summary>
/// The parts of the reproduction study (issue 19), in a fixed order. Grids are the authors' where they fit about 6 hours
/// of machine time on 2 cores; every point cut is listed in <see cref="StudyPart.Cuts"/> and printed in the report.
/// Sources: ../shared/reference/fairer.md §6 (λ sweeps: DP 0.1–0.7/0.8 step 0.1, EO 0.5, 0.8, 1, 2, 3, 4, 5, λ_align 0.01),
/// §8 (Adult under Fair Mixup's pipeline, 10 seeds); tfs.md (α = 20, penultimate layer, balanced fine-tuning set);
/// baselines-and-metrics.md §3.1 (FFB's ERM table, 10 trials).
/// </summary>
public static class StudyDesign
{
    /// <summary>λ of FAIRER's DP parts (the authors' 0.1–0.7, every other step).</summary>
    public static IReadOnlyList<double> DpLambdas { get; } = [0.1, 0.3, 0.5, 0.7];

    /// <summary>λ of FAIRER's EO part (from the authors' 0.5, 0.8, 1, 2, 3, 4, 5).</summary>
    public static IReadOnlyList<double> EoLambdas { get; } = [0.5, 1, 2, 5];

    /// <summary>The λ_align axis FAIRER adds (0 = GapReg's objective on FAIRER's sampler).</summary>
    public static IReadOnlyList<string> AlignValues { get; } = ["0", "0.01", "0.1", "1", "10"];

    /// <summary>The stitch methods of part 4, in plan order.</summary>
    public static IReadOnlyList<string> StitchMethods { get; } = ["tfs", "fdr", "tfs-joint"];

    /// <summary>The in-processing methods of FAIRER's comparison, in plan order.</summary>
    public static IReadOnlyList<string> FairerMethods { get; } = ["erm", "gapreg", "fairmixup", "diffmcdp", "fairer"];

    /// <summary>The post-processing rival's method name in the sweep catalogue.</summary>
    public const string ThresholdMethod = "threshold";

    /// <summary>The TFS/FDR comparison's part (section 4).</summary>
    public const string TfsPart = "tfs-utkface";

    /// <summary>Part 4's selection regime as released: the balanced fine-tuning set is drawn from train and validation,
    /// so the rows that select the epoch are also fine-tuned on (the stitch knob <c>fine_tune_on</c>).</summary>
    public const string ReleasedRegime = "train+val";

    /// <summary>Part 4's clean selection regime: fine-tuning on train only; validation rows stay unseen.</summary>
    public const string CleanRegime = "train";

    /// <summary>Part 4's two selection regimes, released first.</summary>
    public static IReadOnlyList<string> TfsRegimes { get; } = [ReleasedRegime, CleanRegime];

    /// <summary>The curve of stitch method <paramref name="method"/> at stitch point <paramref name="layer"/> under
    /// selection regime <paramref name="regime"/> in part 4's plan (its trials' <see cref="TrialConfig.Curve"/>).</summary>
    public static string TfsCurve(string method, string layer, string regime) =>
        $"{method} {SweepPlan.StitchLayerKnob}={layer} {FineTuneOnKnob}={regime}";

    private const string FineTuneOnKnob = "fine_tune_on";

    /// <summary>Name of the rationale-vs-fairness part (section 3), which is not a sweep.</summary>
    public const string RationalePart = "rationale";

    /// <summary>FFB's ERM table datasets and the attribute of the row compared (FFB Table 4).</summary>
    public static IReadOnlyList<(string Dataset, string Sensitive)> FfbRows { get; } =
        [("adult", "sex"), ("compas", "race"), ("german", "sex"), ("bank", "age")];

    /// <summary>The parts, in order. <paramref name="catalog"/> says whether the threshold method is built.</summary>
    public static IReadOnlyList<StudyPart> Parts(StudyOptions options, IMethodCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        options.Validate();
        var parts = Full(options, catalog.Find(ThresholdMethod) is not null);
        return parts.Select(p => options.Tiny ? Tiny(p) : p)
            .Select(p => p.Sweep is { } s && options.Seeds is { } n ? p with { Sweep = s with { Seeds = n } } : p)
            .ToArray();
    }

    private static IReadOnlyList<StudyPart> Full(StudyOptions options, bool thresholdBuilt)
    {
        var grid = new GridAxis("fairer", "lambda_align", AlignValues);
        var images = options.ImagesAvailable ? null : "UTKFace is not in the data folder (no utkface/ folder; it is never bundled: give --data-dir with it)";
        var threshold = thresholdBuilt ? null : "the threshold post-processing method is not in this build";
        var adultCuts = new[] { "the authors' 20 epochs of 100 iterations: FairSharp's fairmixup protocol default is kept" };
        return
        [
            new("fairer-adult-dp", 1, "FAIRER on Adult (sex), Fair Mixup pipeline, DP: erm, gapreg, fairmixup, diffmcdp, fairer × λ_align",
                new SweepOptions
                {
                    Dataset = "adult", Protocol = "fairmixup", Constraint = "dp", Methods = FairerMethods, Lambdas = DpLambdas,
                    Seeds = 10, Grid = [grid], RecordRationale = true,
                })
            {
                UtilityKey = MetricKeys.AveragePrecision, GapKey = MetricKeys.DpScoreGap, EstimatedSecondsPerTrial = 22,
                Cuts = ["λ 0.2, 0.4, 0.6 of the authors' 0.1–0.7 DP grid", .. adultCuts],
            },
            new("fairer-adult-eo", 1, "FAIRER on Adult (sex), Fair Mixup pipeline, EO: erm, gapreg, fairmixup, diffmcdp, fairer × λ_align",
                new SweepOptions
                {
                    Dataset = "adult", Protocol = "fairmixup", Constraint = "eo", Methods = FairerMethods, Lambdas = EoLambdas,
                    Seeds = 10, Grid = [grid], RecordRationale = true,
                })
            {
                UtilityKey = MetricKeys.AveragePrecision, GapKey = MetricKeys.EoScoreGap, EstimatedSecondsPerTrial = 24,
                Cuts = ["λ 0.8, 3, 4 of the authors' EO grid 0.5, 0.8, 1, 2, 3, 4, 5", .. adultCuts],
            },
            new("fairer-credit-dp", 2, "FAIRER on Credit (sex), ffb protocol, DP: the same methods, λ_align at its default 0.01",
                new SweepOptions { Dataset = "credit", Constraint = "dp", Methods = FairerMethods, Lambdas = DpLambdas, Seeds = 5 })
            {
                UtilityKey = MetricKeys.AveragePrecision, GapKey = MetricKeys.DpScoreGap, EstimatedSecondsPerTrial = 15,
                Cuts = ["the λ_align axis (Adult only)", "λ 0.2, 0.4, 0.6"],
            },
            new("fairer-utkface-dp", 2, "FAIRER on UTKFace (young vs gender), ResNet-18 standard stem 32×32, DP: erm, gapreg, fairer",
                new SweepOptions
                {
                    Dataset = "utkface", Sensitive = ["gender"], Protocol = "tfs", Constraint = "dp", Methods = ["erm", "gapreg", "fairer"],
                    Lambdas = [0.1, 0.7], Seeds = 3, Epochs = 5,
                })
            {
                SkipReason = images, UtilityKey = MetricKeys.AveragePrecision, GapKey = MetricKeys.DpScoreGap, EstimatedSecondsPerTrial = 470,
                Cuts = ["5 epochs instead of the tfs protocol's up to 50 (CPU budget)", "λ 0.3, 0.5 of the DP grid", "CelebA (the paper's image set) cannot be obtained here: UTKFace stands in"],
            },
            // Not a sweep of its own: part 1's trials record their models' cosines (SweepOptions.RecordRationale).
            new(RationalePart, 3, "Rationale vs fairness: per-layer cosines of every model of part 1 (recorded by its trials) against its test gap", null),
            new(TfsPart, 4, "TFS vs FDR on UTKFace (young vs gender), ResNet-18 standard stem 32×32, full batch: tfs and fdr × α × stitch layer (tfs-joint at the penultimate one) × selection regime (fine-tuning on train+val as released, or on train only)",
                new SweepOptions
                {
                    Dataset = "utkface", Sensitive = ["gender"], Protocol = "tfs", Constraint = "eo", Methods = StitchMethods,
                    Lambdas = [0, 5, 20], Seeds = 5, StitchLayers = [4, 5],
                    // tfs-joint at the penultimate point only: a --grid axis over stitch_layer replaces --stitch-layers.
                    Grid = [new GridAxis("tfs-joint", SweepPlan.StitchLayerKnob, ["5"]), .. StitchMethods.Select(m => new GridAxis(m, FineTuneOnKnob, [.. TfsRegimes]))],
                })
            {
                // Designed as 5 backbones of ~950 CPU-s each, then stitch trials of 4–10 CPU-s (session 6's UTKFace runs).
                // Measured: 4–16 s for fdr at both layers and tfs/tfs-joint at layer 5 (linear stitch), 164–259 s for tfs at
                // layer 4 (1×1-conv stitch on the 512×1×1 map); the trial that trains a seed's backbone adds 900–1,800 s.
                SkipReason = images, EstimatedSecondsPerTrial = 32,
                Cuts = ["tfs-joint at the earlier stitch layer (4), an ablation no verdict reads: its 1×1-conv stitch took 282 s a trial there (30 trials, about 2.3 trial-hours), against 6–11 s at layer 5"],
            },
            new("tfs-utkface-batch1", 4, "TFS vs FDR on UTKFace as released: batch 1 for 20 epochs, penultimate layer, fine-tuning on train+val, seed 0",
                new SweepOptions
                {
                    Dataset = "utkface", Sensitive = ["gender"], Protocol = "tfs", Constraint = "eo", Methods = ["tfs", "fdr"],
                    Lambdas = [0, 5, 20], Seeds = 1, Epochs = 20, StitchLayers = [5],
                    Grid = [new GridAxis("tfs", "batch_size", ["1"]), new GridAxis("fdr", "batch_size", ["1"])],
                })
            {
                // its own sweep folder, so it trains its own seed-0 backbone (~950 CPU-s) before 6 batch-1 stitch trials.
                SkipReason = images, EstimatedSecondsPerTrial = 200,
                Cuts = ["one seed (the released regime's cost, as the issue asks)", "tfs-joint and the earlier stitch layer"],
            },
            Threshold("threshold-adult-dp", "dp", threshold),
            Threshold("threshold-adult-eo", "eo", threshold),
            .. FfbRows.Select(r => new StudyPart($"ffb-{r.Dataset}", 6, $"FFB's ERM table: {r.Dataset} ({r.Sensitive}), ffb protocol",
                new SweepOptions { Dataset = r.Dataset, Sensitive = [r.Sensitive], Methods = ["erm"], Seeds = 10 })
            {
                EstimatedSecondsPerTrial = 11,
            }),
        ];
    }

    private static StudyPart Threshold(string name, string constraint, string? skip) =>
        new(name, 5, $"ERM + per-group thresholds on Adult (sex), Fair Mixup pipeline, {constraint.ToUpperInvariant()}",
            new SweepOptions { Dataset = "adult", Protocol = "fairmixup", Constraint = constraint, Methods = ["erm", ThresholdMethod], Lambdas = [1], Seeds = 10 })
        {
            // Thresholds change decisions, not scores: the part is read on thresholded metrics (accuracy and the
            // constraint's fairlearn gap), never on average precision or a score gap.
            SkipReason = skip, UtilityKey = MetricKeys.Accuracy, GapKey = ThresholdRivalry.GapKey(constraint),
            EstimatedSecondsPerTrial = 12,
        };

    // German (sex) under ffb, 2 seeds, the part's first λ (stitch: α = 20), λ_align {0, 0.01}, one epoch; stitch layers
    // 1 and 2 of the ffb MLP (its penultimate point is 2; a per-method stitch_layer axis maps the part's penultimate
    // layer to 2, any other to 1).
    private static StudyPart Tiny(StudyPart part)
    {
        if (part.Sweep is not { } s)
        {
            return part;
        }

        var stitch = s.StitchLayers.Count > 0;
        var penultimate = stitch ? s.StitchLayers.Max().ToString(CultureInfo.InvariantCulture) : null;
        return part with
        {
            SkipReason = part.SkipReason == null || part.Name.Contains("utkface", StringComparison.Ordinal) ? null : part.SkipReason,
            Sweep = s with
            {
                Dataset = "german", Sensitive = ["sex"], Protocol = null, Seeds = 2, Epochs = 1,
                Lambdas = [stitch ? 20 : s.Lambdas[0]],
                StitchLayers = stitch ? [1, 2] : [],
                Grid = s.Grid.Select(a => a.Knob == SweepPlan.StitchLayerKnob
                    ? a with { Values = a.Values.Select(v => v == penultimate ? "2" : "1").Distinct().ToArray() }
                    : a with { Values = a.Values.Take(2).ToArray() }).ToArray(),
            },
        };
    }
}
