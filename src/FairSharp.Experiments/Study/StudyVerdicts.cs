using System.Globalization;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Study;

/// <summary>
/// The verdict of each claim, from the records only. A claim that one curve beats another is decided by the paired
/// hypervolume difference (<see cref="PartResult.Compare"/>): interval above 0 → holds, below 0 → does not hold,
/// straddling 0 (or no records) → cannot tell.
/// </summary>
public static class StudyVerdicts
{
    /// <summary>FAIRER's default λ_align (the authors' released value), the curve its claims are about.</summary>
    public const string FairerDefaultAlign = "0.01";

    /// <summary>The curve name of FAIRER at a λ_align value in the Adult parts.</summary>
    public static string FairerCurve(string align) => $"fairer lambda_align={align}";

    /// <summary>The verdicts of claims 1–5 of the two papers and of the per-group-threshold question.</summary>
    public static IReadOnlyList<ClaimVerdict> Describe(IReadOnlyList<PartResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var byName = parts.ToDictionary(p => p.Part.Name, StringComparer.Ordinal);
        var part1 = parts.Where(p => p.Part.Section == 1 && RationaleFairness.Layers(p).Count > 0).ToArray();
        return
        [
            Claim1(part1),
            Claim2(part1),
            Claim3(byName),
            Claim4(byName.GetValueOrDefault(StudyDesign.TfsPart)),
            Claim5(byName.GetValueOrDefault(StudyDesign.TfsPart)),
            Thresholds(byName),
        ];
    }

    private static ClaimVerdict Claim1(IReadOnlyList<PartResult> parts)
    {
        const string claim = "(1) FAIRER: unfairness \"could arise from the unaligned decision rationales of subgroups\"";
        var rows = parts.SelectMany(p => RationaleFairness.Correlate(p).Where(c => c.Group == RationaleFairness.Pooled && c.Partial is not null)
            .Select(c => (Part: p.Part.Name, c.Layer, Partial: c.Partial!))).ToArray();
        if (rows.Length == 0)
        {
            return new(claim, ClaimVerdict.CannotTell, "no model of part 1 has rationale cosines yet", "running part 1 (its trials record the cosines)");
        }

        var strongest = rows.MinBy(r => r.Partial.High);
        var deciding = string.Create(CultureInfo.InvariantCulture,
            $"pooled partial Spearman ρ(cosine, test gap | output gap), most negative upper bound: {strongest.Part} {strongest.Layer} {strongest.Partial.Value:+0.00;-0.00} [{strongest.Partial.Low:+0.00;-0.00}, {strongest.Partial.High:+0.00;-0.00}] ({rows.Length} layer × part cells)");
        return strongest.Partial.High < 0
            ? new(claim, ClaimVerdict.Holds, deciding + ": alignment orders the gap beyond the output gap", "correcting for the number of layers tested; another influence measure")
            : rows.All(r => r.Partial.Low > 0)
                ? new(claim, ClaimVerdict.DoesNotHold, deciding + ": more aligned models are less fair at every layer", "another influence measure or partition")
                : new(claim, ClaimVerdict.CannotTell, deciding + ": no layer's interval lies below 0", "more models (seeds) narrowing the intervals");
    }

    private static ClaimVerdict Claim2(IReadOnlyList<PartResult> parts)
    {
        const string claim = "(2) FAIRER: output-only regularisers \"fail to achieve decision rationale alignment\"";
        var rows = parts.SelectMany(p => RationaleFairness.Align(p).Select(a => (Part: p.Part.Name, Row: a)))
            .Where(r => double.IsFinite(r.Row.GapRegMinusErm.Value)).ToArray();
        if (rows.Length == 0)
        {
            return new(claim, ClaimVerdict.CannotTell, "no GapReg and ERM models of part 1 with rationale cosines on common seeds yet", "running part 1");
        }

        var weakest = rows.MinBy(r => r.Row.GapRegMinusErm.Low);
        var deciding = string.Create(CultureInfo.InvariantCulture,
            $"GapReg − ERM cosine, paired by seed, smallest lower bound: {weakest.Part} {weakest.Row.Layer} {weakest.Row.GapRegMinusErm.Value:+0.000;-0.000} [{weakest.Row.GapRegMinusErm.Low:+0.000;-0.000}, {weakest.Row.GapRegMinusErm.High:+0.000;-0.000}]");
        var fairerAhead = rows.All(r => r.Row.FairerMinusGapReg.Low > 0);
        if (rows.All(r => r.Row.GapRegMinusErm.Low > 0) && !fairerAhead)
        {
            return new(claim, ClaimVerdict.DoesNotHold, deciding + ": GapReg raises every layer's cosine above ERM's beyond noise, and FAIRER is not ahead of it at every layer",
                "a protocol where GapReg's cosines stay at ERM's");
        }

        return rows.All(r => r.Row.GapRegMinusErm.High <= 0) && fairerAhead
            ? new(claim, ClaimVerdict.Holds, deciding + ": GapReg does not raise the cosines, FAIRER does", "more λ points of GapReg")
            : new(claim, ClaimVerdict.CannotTell, deciding, "more seeds narrowing the paired intervals");
    }

    /// <summary>The part-3 answers for one part of section 1, in plain sentences.</summary>
    public static IReadOnlyList<string> RationaleAnswers(PartResult part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var pooled = RationaleFairness.Correlate(part).Where(c => c.Group == RationaleFairness.Pooled).ToArray();
        var below = pooled.Where(c => c.Partial is { } p && p.High < 0).Select(c => c.Layer).ToArray();
        var align = RationaleFairness.Align(part);
        var gapregAligns = align.Where(a => a.GapRegMinusErm.Low > 0).Select(a => a.Layer).ToArray();
        var fairerAhead = align.Where(a => a.FairerMinusGapReg.Low > 0).Select(a => a.Layer).ToArray();
        static string Layers(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
        return
        [
            $"Does rationale alignment predict fairness beyond what the output gap explains? {(below.Length > 0 ? $"Yes at {Layers(below)} (pooled partial ρ interval below 0)" : "No layer's pooled partial ρ interval lies below 0")} ({pooled.Length} layers).",
            $"Does GapReg align rationales? GapReg's cosine is above ERM's beyond noise at: {Layers(gapregAligns)} (of {align.Count} layers); FAIRER (λ_align 0.01) is above GapReg's beyond noise at: {Layers(fairerAhead)}.",
        ];
    }

    private static ClaimVerdict Claim3(IReadOnlyDictionary<string, PartResult> parts)
    {
        const string claim = "(3) FAIRER \"significantly enhance[s] fairness while sustaining a high level of accuracy and outperforming other approaches by a wide margin\"";
        var differences = new List<(string Part, PairedDifference D)>();
        var missing = new List<string>();
        foreach (var name in new[] { "fairer-adult-dp", "fairer-adult-eo" })
        {
            var part = parts.GetValueOrDefault(name);
            foreach (var rival in new[] { "gapreg", "fairmixup", "diffmcdp" })
            {
                if (part?.Compare(FairerCurve(FairerDefaultAlign), rival) is { } d)
                {
                    differences.Add((name, d));
                }
                else
                {
                    missing.Add($"{name}: {rival}");
                }
            }
        }

        if (differences.Count == 0)
        {
            return new(claim, ClaimVerdict.CannotTell, "no finished FAIRER and rival trials in part 1 yet", "running part 1");
        }

        var worst = differences.MinBy(x => x.D.High)!;
        var deciding = $"smallest paired hypervolume difference FAIRER(λ_align 0.01) − {worst.D.B} on {worst.Part}: {worst.D.Text} ({worst.D.Seeds} seeds)";
        if (differences.Any(x => x.D.BBetter))
        {
            return new(claim, ClaimVerdict.DoesNotHold, deciding + "; the rival's front is larger beyond noise",
                "another protocol (the authors' CelebA, which cannot be obtained here) or a λ_align other than the authors' 0.01 (see the λ_align table)");
        }

        if (missing.Count == 0 && differences.All(x => x.D.ABetter))
        {
            return new(claim, ClaimVerdict.Holds, deciding, "a rival tuned further (more λ points) closing the gap");
        }

        return new(claim, ClaimVerdict.CannotTell, deciding + (missing.Count > 0 ? $"; not yet compared: {string.Join(", ", missing)}" : string.Empty),
            "more seeds narrowing the interval; a 'wide margin' needs the interval above 0 against every rival");
    }

    private static ClaimVerdict Claim4(PartResult? part)
    {
        const string claim = "(4) TFS: a \"notable improvement in achieving a balanced trade-off between fairness and performance\" over last-layer fine-tuning (FDR)";
        if (part?.Plan is null)
        {
            return new(claim, ClaimVerdict.CannotTell, $"part 4 is not run here: {part?.Part.SkipReason ?? "not planned"}", "UTKFace in the data folder");
        }

        var layer = part.Plan.Options.StitchLayers.Max().ToString(CultureInfo.InvariantCulture);
        var released = StudyDesign.ReleasedRegime;
        if (part.Compare(StudyDesign.TfsCurve("tfs", layer, released), StudyDesign.TfsCurve("fdr", layer, released)) is not { } d)
        {
            return new(claim, ClaimVerdict.CannotTell, $"not run yet ({part.Records.Count} of {part.Planned} trials)", "running part 4");
        }

        var clean = part.Compare(StudyDesign.TfsCurve("tfs", layer, StudyDesign.CleanRegime), StudyDesign.TfsCurve("fdr", layer, StudyDesign.CleanRegime));
        var deciding = $"paired hypervolume difference TFS − FDR at the penultimate layer ({layer}), selection as released: {d.Text} ({d.Seeds} seeds)"
            + (clean is null ? string.Empty : $"; clean selection (fine-tuning on train only): {clean.Text}");
        return d.ABetter ? new(claim, ClaimVerdict.Holds, deciding, "the clean selection regime (selection rows never fine-tuned on) removing the lead")
            : d.BBetter ? new(claim, ClaimVerdict.DoesNotHold, deciding, "the released batch-1 regime, or a backbone trained at 128×128 as the authors")
            : new(claim, ClaimVerdict.CannotTell, deciding, "more seeds narrowing the interval");
    }

    private static ClaimVerdict Claim5(PartResult? part)
    {
        const string claim = "(5) TFS: a challenge to \"the effectiveness of the last layer … for de-biasing\"";
        if (part?.Plan is null)
        {
            return new(claim, ClaimVerdict.CannotTell, $"part 4 is not run here: {part?.Part.SkipReason ?? "not planned"}", "UTKFace in the data folder");
        }

        var layers = part.Plan.Options.StitchLayers;
        var last = layers.Max().ToString(CultureInfo.InvariantCulture);
        var earlier = layers.Min().ToString(CultureInfo.InvariantCulture);
        var released = StudyDesign.ReleasedRegime;
        if (part.Compare(StudyDesign.TfsCurve("tfs", earlier, released), StudyDesign.TfsCurve("fdr", last, released)) is not { } d)
        {
            return new(claim, ClaimVerdict.CannotTell, $"not run yet ({part.Records.Count} of {part.Planned} trials)", "running part 4");
        }

        var deciding = $"paired hypervolume difference TFS at layer {earlier} − FDR at the last layer ({last}), selection as released: {d.Text} ({d.Seeds} seeds)";
        if (part.Geometry is { } geometry && geometry.AsPenultimate.Contains(layers.Min()))
        {
            var same = part.Compare(StudyDesign.TfsCurve("tfs", earlier, released), StudyDesign.TfsCurve("tfs", last, released));
            var spatial = geometry.Points.Take(layers.Min()).LastOrDefault(p => p.Shape.Count == 3 && p.Shape[1] * p.Shape[2] > 1);
            return new(claim, ClaimVerdict.NotTested,
                $"{geometry.WhySame(layers.Min())}; {deciding}, and TFS at layer {earlier} − TFS at layer {last}: {same?.Text ?? "not run"} (the same functions: they differ by rounding only)",
                spatial is null ? "an earlier stitch point with a spatial map, or larger input images" : $"stitching at a point with a spatial map ({geometry.Describe(spatial.Index)} here) or on larger input images (the authors' 128×128)");
        }

        return d.ABetter ? new(claim, ClaimVerdict.Holds, deciding, "a stronger last-layer baseline (FDR with more epochs or another α)")
            : d.BBetter ? new(claim, ClaimVerdict.DoesNotHold, deciding, "stitching at a layer earlier still")
            : new(claim, ClaimVerdict.CannotTell, deciding, "more seeds narrowing the interval");
    }

    private static ClaimVerdict Thresholds(IReadOnlyDictionary<string, PartResult> parts)
    {
        const string claim = "Rival: does any in-processing method beat ERM + per-group thresholds (fairlearn's ThresholdOptimizer) on these protocols?";
        var runs = ThresholdParts(parts).ToArray();
        if (runs.Length == 0)
        {
            var reason = parts.Values.FirstOrDefault(p => p.Part.Section == 5)?.Part.SkipReason ?? "part 5 has not run yet";
            return new(claim, ClaimVerdict.CannotTell, reason, "running part 5 (the threshold method) next to part 1");
        }

        var lines = new List<string>();
        var beaten = false;
        var complete = true;
        foreach (var (threshold, inProcessing) in runs)
        {
            var constraint = threshold.Plan!.Options.Constraint;
            var rows = ThresholdRivalry.Compare(threshold, inProcessing).Where(r => r.Curve != "erm").ToArray();
            complete &= threshold.Complete && inProcessing.Complete;
            if (rows.Length == 0)
            {
                complete = false;
                lines.Add($"{constraint}: no paired trials yet");
                continue;
            }

            var winners = rows.Where(r => r.Beats).ToArray();
            beaten |= winners.Length > 0;
            var best = rows.MaxBy(r => r.Accuracy.Low)!;
            lines.Add(winners.Length > 0
                ? $"{constraint}: {winners.Length} of {rows.Length} in-processing points are more accurate and fairer beyond noise, e.g. {Describe(winners[0])}"
                : $"{constraint}: none of {rows.Length} in-processing points is both more accurate and fairer beyond noise (largest lower bound on Δ accuracy: {Describe(best)})");
        }

        var deciding = string.Join("; ", lines);
        return beaten ? new(claim, "yes (an in-processing point wins)", deciding, "correcting for the number of points compared (a single win among many can be chance); more seeds")
            : !complete ? new(claim, ClaimVerdict.CannotTell, deciding, "running parts 1 and 5 to the end")
            : new(claim, "no (thresholds are not beaten)", deciding, "in-processing points at other λ, or more seeds narrowing the intervals");
    }

    /// <summary>Each part-5 part with the part-1 (or, failing that, any in-processing) part of the same dataset, protocol
    /// and constraint, when both have records.</summary>
    public static IEnumerable<(PartResult Threshold, PartResult InProcessing)> ThresholdParts(IReadOnlyDictionary<string, PartResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var threshold in parts.Values.Where(p => p.Part.Section == 5 && p.Plan is not null))
        {
            var o = threshold.Plan!.Options;
            var rival = parts.Values.Where(p => p.Part.Section is 1 or 2 && p.Plan is { } plan && plan.Options.Dataset == o.Dataset
                    && plan.Options.Protocol == o.Protocol && plan.Options.Constraint == o.Constraint && plan.Options.Sensitive.SequenceEqual(o.Sensitive))
                .OrderBy(p => p.Part.Section).FirstOrDefault();
            if (rival is not null)
            {
                yield return (threshold, rival);
            }
        }
    }

    private static string Describe(ThresholdRivalry.Row r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Curve} λ {r.Lambda}: Δ accuracy {Signed(r.Accuracy)}, Δ gap {Signed(r.Gap)} ({r.Seeds} seeds)");

    /// <summary><c>+1.23 [+0.40, +2.00] pp</c>: an interval of a difference of fractions, in percentage points.</summary>
    public static string Signed(Analysis.IntervalEstimate e)
    {
        ArgumentNullException.ThrowIfNull(e);
        static string F(double v) => double.IsFinite(v) ? ((Math.Round(v * 100, 2) + 0.0).ToString("+0.00;-0.00;+0.00", CultureInfo.InvariantCulture)) : "n/a";
        return $"{F(e.Value)} [{F(e.Low)}, {F(e.High)}] pp";
    }
}
