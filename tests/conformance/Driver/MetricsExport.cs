using System.Text.Json;
using FairSharp.Metrics;

namespace FairSharp.Conformance;

/// <summary>FairSharp's metrics on seeded scores: 4,000 rows, two groups of different base rates, scores rounded to
/// 1/200 so that ties (which AP must group) and scores of exactly 0.5 (the threshold) occur.</summary>
internal static class MetricsExport
{
    public static void Run(string output)
    {
        var dir = Directory.CreateDirectory(Path.Combine(output, "metrics")).FullName;
        var random = new Random(11);
        const int n = 4000;
        var y = new int[n];
        var g = new int[n];
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            g[i] = random.NextDouble() < 0.35 ? 1 : 0;
            y[i] = random.NextDouble() < (g[i] == 1 ? 0.15 : 0.3) ? 1 : 0;
            var raw = Math.Clamp(0.25 + (0.4 * y[i]) + (0.05 * g[i]) + (0.6 * (random.NextDouble() - 0.5)), 0, 1);
            p[i] = Math.Round(raw * 200) / 200;
        }

        Npy.Write(Path.Combine(dir, "y.npy"), y, n);
        Npy.Write(Path.Combine(dir, "g.npy"), g, n);
        Npy.Write(Path.Combine(dir, "p.npy"), p, n);
        var evaluation = ModelEvaluator.Evaluate(y, p, g, ["a=0", "a=1"]);
        var keys = new[]
        {
            MetricKeys.DpScoreGap, MetricKeys.EoScoreGap, MetricKeys.AveragePrecision, MetricKeys.DemographicParityDifference,
            MetricKeys.EqualizedOddsSum, MetricKeys.EqualizedOddsDifference, MetricKeys.Accuracy, MetricKeys.BalancedAccuracy,
        };
        File.WriteAllText(Path.Combine(dir, "fairsharp.json"), JsonSerializer.Serialize(keys.ToDictionary(k => k, k => evaluation.Metrics[k])));
        Console.WriteLine($"metrics: {n} rows, {p.Count(v => v == 0.5)} scores at the threshold");
    }
}
