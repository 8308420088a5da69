using System.Globalization;

namespace FairSharp.Experiments.Analysis;

/// <summary>Turns an analysis into plain sentences: which method has the best trade-off, and how sure we are.</summary>
public static class VerdictWriter
{
    /// <summary>The verdict sentences of <paramref name="analysis"/> (its <see cref="SweepAnalysis.Verdict"/> is ignored).</summary>
    public static IReadOnlyList<string> Describe(SweepAnalysis analysis, int seeds)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var level = Percent(analysis.Options.Confidence);
        var sentences = new List<string>();
        var curves = analysis.Curves;
        if (curves.Count == 0)
        {
            return sentences;
        }

        var best = curves.MaxBy(c => c.Hypervolume.Value)!;
        var utility = MetricText.Name(analysis.UtilityKey);
        var gap = MetricText.Name(analysis.GapKey);
        sentences.Add(Invariant($"Trade-off measured as the hypervolume of each method's front of mean ({utility}, {gap}) points: the area it dominates, higher is better."));
        if (curves.Count == 1)
        {
            sentences.Add(Invariant($"Only {best.Curve} was run: there is nothing to compare it with."));
            return sentences;
        }

        if (!(best.Hypervolume.Value > 0))
        {
            sentences.Add("No front encloses any area against the reference point (every finished trial has the same utility and gap, or lies on the box's edge): hypervolume cannot rank these methods.");
            AddDegenerate(sentences, analysis);
            return sentences;
        }

        if (seeds < 2)
        {
            sentences.Add("With one seed there is no spread to resample: every interval collapses to its point, so no difference below is backed by repeats.");
        }

        sentences.Add(Invariant($"{best.Curve} has the largest hypervolume: {Number(best.Hypervolume.Value)} ({level} CI {Number(best.Hypervolume.Low)} to {Number(best.Hypervolume.High)})."));
        foreach (var comparison in analysis.Comparisons)
        {
            var d = comparison.Difference;
            var numbers = Invariant($"difference {Number(d.Value)} ({level} CI {Number(d.Low)} to {Number(d.High)}), larger in {Percent(comparison.ProbabilityBetter)} of {analysis.Options.Resamples} bootstrap resamples of the {seeds} seeds");
            var covers = comparison.FrontCovers
                ? Invariant($" Every mean point of {comparison.Other} is matched or beaten on both {utility} and {gap} by {comparison.Better}'s front.")
                : string.Empty;
            sentences.Add(comparison.Confident
                ? Invariant($"{comparison.Better} beats {comparison.Other} with confidence: {numbers}.{covers}")
                : Invariant($"{comparison.Better} and {comparison.Other} cannot be told apart with {seeds} seeds: {numbers}.{covers}"));
        }

        AddDegenerate(sentences, analysis);
        return sentences;
    }

    private static void AddDegenerate(List<string> sentences, SweepAnalysis analysis)
    {
        foreach (var curve in analysis.Curves.Where(c => c.Chosen is { DegenerateSeeds: > 0 }))
        {
            var p = curve.Chosen!;
            sentences.Add(Invariant($"Careful: at {curve.Curve}'s chosen point {p.DegenerateSeeds} of {p.Seeds.Count} seeds have a degenerate classifier (one predicted class for a group or overall), so its small gap is not evidence of fairness."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A hypervolume or difference with 4 significant digits.</summary>
    internal static string Number(double value) => double.IsFinite(value)
        ? value.ToString("G4", CultureInfo.InvariantCulture)
        : "n/a";

    private static string Percent(double fraction) => double.IsFinite(fraction)
        ? (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%"
        : "n/a";
}
