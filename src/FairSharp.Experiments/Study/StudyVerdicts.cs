using System.Globalization;

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
        var rationale = byName.GetValueOrDefault(StudyDesign.RationalePart);
        var notRun = $"part 3 (rationale vs fairness) has not run: {rationale?.Part.SkipReason ?? "not planned"}";
        return
        [
            new("(1) FAIRER: unfairness \"could arise from the unaligned decision rationales of subgroups\"", ClaimVerdict.CannotTell, notRun,
                "rationale cosines recorded for the models of part 1, and a Spearman correlation with the test gap whose interval excludes 0 (or includes only 0)"),
            new("(2) FAIRER: output-only regularisers \"fail to achieve decision rationale alignment\"", ClaimVerdict.CannotTell, notRun,
                "per-layer cosines of GapReg against ERM and FAIRER on the same seeds"),
            Claim3(byName),
            Claim4(byName.GetValueOrDefault("tfs-utkface")),
            Claim5(byName.GetValueOrDefault("tfs-utkface")),
            Thresholds(byName),
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
        if (part.Compare($"tfs layer={layer}", $"fdr layer={layer}") is not { } d)
        {
            return new(claim, ClaimVerdict.CannotTell, $"not run yet ({part.Records.Count} of {part.Planned} trials)", "running part 4");
        }

        var deciding = $"paired hypervolume difference TFS − FDR at the penultimate layer ({layer}): {d.Text} ({d.Seeds} seeds)";
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
        if (part.Compare($"tfs layer={earlier}", $"fdr layer={last}") is not { } d)
        {
            return new(claim, ClaimVerdict.CannotTell, $"not run yet ({part.Records.Count} of {part.Planned} trials)", "running part 4");
        }

        var deciding = $"paired hypervolume difference TFS at layer {earlier} − FDR at the last layer ({last}): {d.Text} ({d.Seeds} seeds)";
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
