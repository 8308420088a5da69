using System.Globalization;
using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Sweeps;
using FairSharp.Metrics;

namespace FairSharp.Experiments.Study;

/// <summary>
/// Part 5's question, "does any in-processing method beat ERM + per-group thresholds?", on thresholded metrics only:
/// test accuracy and the constraint's fairlearn gap (dp: demographic parity difference; eo: equalized odds difference).
/// Thresholds do not change a score-based metric (average precision, the score gaps), so the part-1 comparison keys
/// cannot judge them. The in-processing models are taken at their own 0.5 threshold, as trained and deployed (the
/// recorded test metrics): tuning even one global threshold on validation would already be post-processing, the rival
/// under test. Each in-processing point (curve, λ) of the part-1 sweep with the same dataset, protocol and constraint is
/// paired by seed with the ERM + thresholds trial of that seed (same data split); Δ = point − thresholds, averaged over
/// the common seeds, with a 95% percentile bootstrap interval over seeds (<see cref="PartResult.Resamples"/>, seed 0).
/// A point beats the thresholds when its Δ accuracy interval is above 0 and its Δ gap interval below 0.
/// </summary>
public static class ThresholdRivalry
{
    /// <summary>One in-processing point against ERM + thresholds.</summary>
    /// <param name="Curve">The point's curve (method and knobs).</param>
    /// <param name="Lambda">Its λ (text).</param>
    /// <param name="Accuracy">Mean paired Δ accuracy (point − thresholds) with its interval.</param>
    /// <param name="Gap">Mean paired Δ gap (point − thresholds) with its interval.</param>
    /// <param name="Seeds">Seeds with both trials finished.</param>
    public sealed record Row(string Curve, string Lambda, IntervalEstimate Accuracy, IntervalEstimate Gap, int Seeds)
    {
        /// <summary>More accurate and fairer than ERM + thresholds, both beyond noise.</summary>
        public bool Beats => Accuracy.Low > 0 && Gap.High < 0;

        /// <summary>Less accurate and less fair than ERM + thresholds, both beyond noise.</summary>
        public bool Beaten => Accuracy.High < 0 && Gap.Low > 0;
    }

    /// <summary>The gap key of a constraint (<c>dp</c> → demographic parity difference, else equalized odds difference).</summary>
    public static string GapKey(string constraint) =>
        constraint == "dp" ? MetricKeys.DemographicParityDifference : MetricKeys.EqualizedOddsDifference;

    /// <summary>Every point of <paramref name="inProcessing"/> (ERM included, as the reference) against the thresholds
    /// of <paramref name="threshold"/>, in plan order; empty when either has no finished trial.</summary>
    public static IReadOnlyList<Row> Compare(PartResult threshold, PartResult inProcessing)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(inProcessing);
        var gap = GapKey(threshold.Plan?.Options.Constraint ?? "dp");
        var rival = Ok(threshold).Where(r => r.Config.Method == StudyDesign.ThresholdMethod)
            .GroupBy(r => r.Config.Seed).ToDictionary(g => g.Key, g => g.First().Metrics);
        if (rival.Count == 0 || inProcessing.Plan is null)
        {
            return [];
        }

        var rows = new List<Row>();
        var records = Ok(inProcessing).ToArray();
        foreach (var point in inProcessing.Plan.Trials.Select(t => (t.Method, t.Curve, t.Lambda)).Distinct())
        {
            var pairs = records.Where(r => r.Config.Curve == point.Curve && r.Config.Lambda.Equals(point.Lambda) && rival.ContainsKey(r.Config.Seed))
                .OrderBy(r => r.Config.Seed).Select(r => (Mine: r.Metrics, Theirs: rival[r.Config.Seed])).ToArray();
            if (pairs.Length == 0)
            {
                continue;
            }

            double[] Differences(string key) => pairs.Select(p => p.Mine.GetValueOrDefault(key, double.NaN) - p.Theirs.GetValueOrDefault(key, double.NaN)).ToArray();
            var usesLambda = inProcessing.Plan.Methods.FirstOrDefault(m => m.Name == point.Method)?.UsesLambda ?? true;
            rows.Add(new Row(point.Curve, usesLambda ? point.Lambda.ToString("R", CultureInfo.InvariantCulture) : "—",
                MeanInterval(Differences(MetricKeys.Accuracy)), MeanInterval(Differences(gap)), pairs.Length));
        }

        return rows;
    }

    /// <summary>The mean of <paramref name="values"/> with its 95% percentile bootstrap interval (resamples of the
    /// values, seed 0); NaN values are left out.</summary>
    public static IntervalEstimate MeanInterval(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return new IntervalEstimate(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var random = new Random(0);
        var samples = new double[PartResult.Resamples];
        for (var b = 0; b < samples.Length; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < finite.Length; i++)
            {
                sum += finite[random.Next(finite.Length)];
            }

            samples[b] = sum / finite.Length;
        }

        return IntervalEstimate.FromSamples(Statistics.Mean(finite), samples, 0.95);
    }

    private static IEnumerable<TrialRecord> Ok(PartResult part) => part.Records.Where(r => r.Status == TrialStatus.Ok);
}
