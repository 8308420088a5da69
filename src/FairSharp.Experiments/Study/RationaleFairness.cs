using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Sweeps;
using FairSharp.Metrics;

namespace FairSharp.Experiments.Study;

/// <summary>
/// Part 3 of the study (FAIRER's claims 1 and 2), from the rationale cosines part 1's trials record
/// (<see cref="SweepOptions.RecordRationale"/>): for every trained model, each weight layer's cosine x between the two
/// groups' neuron-influence vectors (what <c>fairsharp rationale</c> reports on the test split), the model's test
/// fairness gap y in fairlearn's thresholded form (dp: demographic parity difference; eo: equalized odds difference, at
/// 0.5), and its output gap z, the score gap the regularisers penalise (dp: |ΔE[f(x)]|; eo: the score gap per label).
/// Spearman ρ(x, y) within each method and pooled, and the partial ρ(x, y | z): does alignment order the gap once the
/// output gap is accounted for? Intervals: 95% percentile bootstrap over the models (<see cref="RankCorrelation"/>,
/// <see cref="PartResult.Resamples"/> resamples, seed 0).
/// </summary>
public static class RationaleFairness
{
    /// <summary>The name of the pooled group of models.</summary>
    public const string Pooled = "pooled";

    /// <summary>One model's point in one layer.</summary>
    /// <param name="Method">Training method.</param>
    /// <param name="Curve">Its curve (method and swept knobs).</param>
    /// <param name="Lambda">Its λ.</param>
    /// <param name="Seed">Its seed.</param>
    /// <param name="Cosine">The layer's rationale cosine.</param>
    /// <param name="Gap">Test fairness gap (thresholded).</param>
    /// <param name="OutputGap">Test score gap.</param>
    public sealed record Point(string Method, string Curve, double Lambda, int Seed, double Cosine, double Gap, double OutputGap);

    /// <summary>The correlations of one layer within one group of models.</summary>
    /// <param name="Layer">Weight layer.</param>
    /// <param name="Group">Method name, or <see cref="Pooled"/>.</param>
    /// <param name="Models">Models in the group.</param>
    /// <param name="Spearman">ρ(cosine, gap) with its interval; null when undefined (fewer than 3 models, a constant variable).</param>
    /// <param name="Partial">ρ(cosine, gap | output gap) with its interval; null when undefined.</param>
    public sealed record Correlation(string Layer, string Group, int Models, IntervalEstimate? Spearman, IntervalEstimate? Partial);

    /// <summary>How aligned one layer is under GapReg against ERM and FAIRER, paired by seed.</summary>
    /// <param name="Layer">Weight layer.</param>
    /// <param name="Means">Method (or FAIRER curve) → mean cosine over its models with an interval.</param>
    /// <param name="GapRegMinusErm">Per seed, GapReg's mean cosine over its λ minus ERM's; mean with an interval.</param>
    /// <param name="FairerMinusGapReg">Per (seed, λ), FAIRER at the default λ_align minus GapReg; mean with an interval.</param>
    public sealed record Alignment(string Layer, IReadOnlyDictionary<string, IntervalEstimate> Means, IntervalEstimate GapRegMinusErm, IntervalEstimate FairerMinusGapReg);

    /// <summary>The fairness gap key (thresholded) of a constraint.</summary>
    public static string GapKey(string constraint) => ThresholdRivalry.GapKey(constraint);

    /// <summary>The output (score) gap key of a constraint.</summary>
    public static string OutputGapKey(string constraint) => constraint == "dp" ? MetricKeys.DpScoreGap : MetricKeys.EoScoreGap;

    /// <summary>The layers with recorded cosines in <paramref name="part"/>, in name order.</summary>
    public static IReadOnlyList<string> Layers(PartResult part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Ok(part).SelectMany(r => r.RationaleCosines!.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The models of <paramref name="part"/> with a cosine at <paramref name="layer"/> and finite gaps.</summary>
    public static IReadOnlyList<Point> Points(PartResult part, string layer)
    {
        ArgumentNullException.ThrowIfNull(part);
        var constraint = part.Plan?.Options.Constraint ?? "dp";
        return Ok(part)
            .Select(r => new Point(r.Config.Method, r.Config.Curve, r.Config.Lambda, r.Config.Seed, r.RationaleCosines!.GetValueOrDefault(layer, double.NaN),
                r.Metrics.GetValueOrDefault(GapKey(constraint), double.NaN), r.Metrics.GetValueOrDefault(OutputGapKey(constraint), double.NaN)))
            .Where(p => double.IsFinite(p.Cosine) && double.IsFinite(p.Gap) && double.IsFinite(p.OutputGap))
            .ToArray();
    }

    /// <summary>Per layer, the correlations within each method (plan order) and pooled.</summary>
    public static IReadOnlyList<Correlation> Correlate(PartResult part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var rows = new List<Correlation>();
        foreach (var layer in Layers(part))
        {
            var points = Points(part, layer);
            var methods = part.Plan?.Methods.Select(m => m.Name) ?? points.Select(p => p.Method).Distinct();
            foreach (var group in methods.Append(Pooled))
            {
                var chosen = points.Where(p => group == Pooled || p.Method == group).ToArray();
                if (chosen.Length > 0)
                {
                    rows.Add(new Correlation(layer, group, chosen.Length, Try(() => RankCorrelation.SpearmanInterval(
                            chosen.Select(p => p.Cosine).ToArray(), chosen.Select(p => p.Gap).ToArray(), PartResult.Resamples)),
                        Try(() => RankCorrelation.PartialSpearmanInterval(chosen.Select(p => p.Cosine).ToArray(), chosen.Select(p => p.Gap).ToArray(),
                            chosen.Select(p => p.OutputGap).ToArray(), PartResult.Resamples))));
                }
            }
        }

        return rows;
    }

    /// <summary>Per layer, the mean cosine of each curve, GapReg − ERM and FAIRER (default λ_align) − GapReg, paired.</summary>
    public static IReadOnlyList<Alignment> Align(PartResult part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var fairer = StudyVerdicts.FairerCurve(StudyVerdicts.FairerDefaultAlign);
        var rows = new List<Alignment>();
        foreach (var layer in Layers(part))
        {
            var points = Points(part, layer);
            var means = new SortedDictionary<string, IntervalEstimate>(points.GroupBy(p => p.Curve)
                .ToDictionary(g => g.Key, g => ThresholdRivalry.MeanInterval(g.Select(p => p.Cosine).ToArray()), StringComparer.Ordinal), StringComparer.Ordinal);
            var erm = points.Where(p => p.Method == "erm").GroupBy(p => p.Seed).ToDictionary(g => g.Key, g => g.Average(p => p.Cosine));
            var gapreg = points.Where(p => p.Curve == "gapreg").ToArray();
            var gapregMinusErm = gapreg.GroupBy(p => p.Seed).Where(g => erm.ContainsKey(g.Key)).Select(g => g.Average(p => p.Cosine) - erm[g.Key]).ToArray();
            var gapregBy = gapreg.ToDictionary(p => (p.Seed, p.Lambda), p => p.Cosine);
            var fairerMinusGapreg = points.Where(p => p.Curve == fairer && gapregBy.ContainsKey((p.Seed, p.Lambda)))
                .Select(p => p.Cosine - gapregBy[(p.Seed, p.Lambda)]).ToArray();
            rows.Add(new Alignment(layer, means, ThresholdRivalry.MeanInterval(gapregMinusErm), ThresholdRivalry.MeanInterval(fairerMinusGapreg)));
        }

        return rows;
    }

    private static IntervalEstimate? Try(Func<IntervalEstimate> compute)
    {
        try
        {
            return compute();
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }

    private static IEnumerable<TrialRecord> Ok(PartResult part) =>
        part.Records.Where(r => r.Status == TrialStatus.Ok && r.RationaleCosines is { Count: > 0 });
}
