using System.Text.Json;
using FairSharp.Metrics;
using FairSharp.Training;
using FairSharp.Training.Selection;

namespace FairSharp.Conformance;

/// <summary>Fair Mixup's selection on per-epoch validation series: 200 seeded series of 10 epochs (eo_score_gap
/// rounded to 1e-3 so that ties occur) and the epoch FairSharp's <see cref="MinGapAfterWarmup"/> chooses.</summary>
internal static class SelectionExport
{
    public static void Run(string output)
    {
        var dir = Directory.CreateDirectory(Path.Combine(output, "selection")).FullName;
        var random = new Random(5);
        const int series = 200;
        const int epochs = 10;
        var gaps = new double[series * epochs];
        var chosen = new int[series];
        var rule = new MinGapAfterWarmup(MetricKeys.EoScoreGap, 1);
        for (var s = 0; s < series; s++)
        {
            var records = new List<EpochRecord>();
            for (var e = 0; e < epochs; e++)
            {
                var gap = Math.Round(random.NextDouble() * 0.02, 3);
                gaps[(s * epochs) + e] = gap;
                var validation = new Dictionary<string, double> { [MetricKeys.EoScoreGap] = gap };
                records.Add(new EpochRecord(e, 100 * (e + 1), 1e-3, 0.5, new Dictionary<string, double>(), validation, validation));
            }

            chosen[s] = rule.Choose(records);
        }

        Npy.Write(Path.Combine(dir, "gaps.npy"), gaps, series, epochs);
        Npy.Write(Path.Combine(dir, "chosen.npy"), chosen, series);
        File.WriteAllText(Path.Combine(dir, "fairsharp.json"), JsonSerializer.Serialize(new { rule = rule.Describe() }));
        Console.WriteLine($"selection: {series} series of {epochs} epochs");
    }
}
