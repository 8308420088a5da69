using System.Globalization;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Analysis;

/// <summary>
/// Summarises a sweep: per (method, λ) point the mean ± std over seeds and percentile bootstrap intervals; per
/// method the Pareto front of mean (utility, gap) points and its hypervolume; the paired hypervolume difference
/// between the best method and each other one. One bootstrap drives every interval: each resample draws the sweep's
/// seeds with replacement and recomputes every point, front and hypervolume from the drawn seeds, so differences
/// between methods are paired by seed (seed s means the same data split and initialisation seed for every method).
/// </summary>
public static class SweepAnalyzer
{
    /// <summary>Analyses the <paramref name="records"/> of the trials of <paramref name="plan"/> (records of other
    /// trials are ignored; missing trials simply have no data).</summary>
    /// <exception cref="InvalidInputException">No trial finished ok, or a metric key is not in the results.</exception>
    public static SweepAnalysis Analyze(IReadOnlyList<TrialConfig> plan, IReadOnlyList<TrialRecord> records, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var byId = new Dictionary<string, TrialRecord>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            byId.TryAdd(r.Id, r);
        }

        var planned = plan.Select(t => (Config: t, Record: byId.GetValueOrDefault(t.Id))).ToArray();
        var ok = planned.Where(p => p.Record?.Status == TrialStatus.Ok).Select(p => p.Record!).ToArray();
        if (ok.Length == 0)
        {
            throw new InvalidInputException(ExperimentErrors.NoFinishedTrials);
        }

        var utilityKey = options.UtilityKey;
        var gapKey = options.GapKey ?? AnalysisOptions.DefaultGapKey(plan[0].Constraint);
        var allKeys = ok.SelectMany(r => r.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var key in new[] { utilityKey, gapKey })
        {
            if (!allKeys.Contains(key))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.UnknownMetric, key, string.Join(", ", allKeys)));
            }
        }

        var reference = options.HypervolumeReference ?? Nadir(ok, utilityKey, gapKey);
        var seeds = plan.Select(t => t.Seed).Distinct().Order().ToArray();
        var seedIndex = seeds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);

        var curveInputs = planned.GroupBy(p => p.Config.Curve, StringComparer.Ordinal)
            .Select(c => (Curve: c.Key, Method: c.First().Config.Method,
                Points: c.GroupBy(p => p.Config.Lambda).OrderBy(g => g.Key).Select(g => PointInput.From(g.Key, g.ToArray(), seedIndex)).ToArray()))
            .ToArray();

        // One bootstrap over seeds for everything.
        var rng = new Random(options.Seed);
        var counts = new int[seeds.Length];
        var hvSamples = curveInputs.Select(_ => new double[options.Resamples]).ToArray();
        for (var r = 0; r < options.Resamples; r++)
        {
            Array.Clear(counts);
            for (var k = 0; k < seeds.Length; k++)
            {
                counts[rng.Next(seeds.Length)]++;
            }

            for (var c = 0; c < curveInputs.Length; c++)
            {
                var coordinates = new TradeoffCoordinates[curveInputs[c].Points.Length];
                for (var p = 0; p < coordinates.Length; p++)
                {
                    var point = curveInputs[c].Points[p];
                    point.Resample(r, counts, options.Resamples);
                    coordinates[p] = new TradeoffCoordinates(point.SampleOf(utilityKey, r), point.SampleOf(gapKey, r));
                }

                hvSamples[c][r] = Hypervolume.Compute(coordinates, reference);
            }
        }

        var curves = new List<CurveResult>();
        var anchor = curveInputs.Where(c => c.Method == options.ReferenceMethod)
            .SelectMany(c => c.Points).Select(p => p.MeanOf(utilityKey)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        for (var c = 0; c < curveInputs.Length; c++)
        {
            var input = curveInputs[c];
            var coordinates = input.Points.Select(p => new TradeoffCoordinates(p.MeanOf(utilityKey), p.MeanOf(gapKey))).ToArray();
            var frontIndices = ParetoFront.Indices(coordinates);
            var points = input.Points.Select((p, i) => p.ToPoint(input.Curve, input.Method, utilityKey, gapKey, options.Confidence, frontIndices.Contains(i))).ToArray();
            var hv = Hypervolume.Compute(coordinates, reference);
            curves.Add(new CurveResult(input.Curve, input.Method, points, frontIndices.Select(i => points[i]).ToArray(),
                IntervalEstimate.FromSamples(hv, hvSamples[c], options.Confidence), Choose(points, anchor, options.UtilityTolerance)));
        }

        var comparisons = Compare(curves, hvSamples, options.Confidence);
        var groups = ok.SelectMany(r => r.ByGroup.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var analysis = new SweepAnalysis(options, utilityKey, gapKey, reference, options.HypervolumeReference is null, curves, comparisons, [],
            plan.Count, planned.Count(p => p.Record is not null), planned.Count(p => p.Record is { Status: not TrialStatus.Ok }), groups);
        // The verdict counts the seeds that have a finished trial, not the planned ones: a partial sweep must not
        // claim the repeats it has not run yet.
        var finishedSeeds = ok.Select(r => r.Config.Seed).Distinct().Count();
        return analysis with { Verdict = VerdictWriter.Describe(analysis, finishedSeeds) };
    }

    private static TradeoffCoordinates Nadir(IEnumerable<TrialRecord> ok, string utilityKey, string gapKey)
    {
        var u = ok.Select(r => r.Metrics.GetValueOrDefault(utilityKey, double.NaN)).Where(double.IsFinite).DefaultIfEmpty(0).Min();
        var g = ok.Select(r => r.Metrics.GetValueOrDefault(gapKey, double.NaN)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return new TradeoffCoordinates(u, g);
    }

    private static TradeoffPoint? Choose(IReadOnlyList<TradeoffPoint> points, double anchor, double tolerance)
    {
        var finite = points.Where(p => p.Coordinates.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return null;
        }

        var target = double.IsFinite(anchor) ? anchor : finite.Max(p => p.Utility.Mean);
        var eligible = finite.Where(p => p.Utility.Mean >= target - tolerance - 1e-12).ToArray();
        return eligible.Length > 0
            ? eligible.OrderBy(p => p.Gap.Mean).ThenByDescending(p => p.Utility.Mean).First()
            : finite.OrderByDescending(p => p.Utility.Mean).ThenBy(p => p.Gap.Mean).First();
    }

    private static IReadOnlyList<CurveComparison> Compare(IReadOnlyList<CurveResult> curves, double[][] hvSamples, double confidence)
    {
        if (curves.Count < 2)
        {
            return [];
        }

        var best = 0;
        for (var c = 1; c < curves.Count; c++)
        {
            if (curves[c].Hypervolume.Value > curves[best].Hypervolume.Value)
            {
                best = c;
            }
        }

        var comparisons = new List<CurveComparison>();
        for (var c = 0; c < curves.Count; c++)
        {
            if (c == best)
            {
                continue;
            }

            var diffs = hvSamples[best].Zip(hvSamples[c], (a, b) => a - b).ToArray();
            var finite = diffs.Where(double.IsFinite).ToArray();
            var interval = IntervalEstimate.FromSamples(curves[best].Hypervolume.Value - curves[c].Hypervolume.Value, diffs, confidence);
            var probability = finite.Length == 0 ? double.NaN : finite.Count(d => d > 0) / (double)finite.Length;
            var covers = ParetoFront.Covers(curves[best].Front.Select(p => p.Coordinates).ToArray(), curves[c].Points.Select(p => p.Coordinates).ToArray());
            comparisons.Add(new CurveComparison(curves[best].Curve, curves[c].Curve, interval, probability, covers, interval.Low > 0));
        }

        return comparisons;
    }
}
