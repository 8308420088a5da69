using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FairSharp.Metrics;

namespace FairSharp.Benchmarks;

/// <summary>
/// Every metric key on 10 million rows with 3 groups, single-threaded (issue 4's performance target: under 100 ms for the
/// fairness keys, and not slower than numpy). <see cref="FairnessKeys"/> is the one-pass path (every thresholded and
/// score-gap key); <see cref="AllKeys"/> adds the one sort that AP, ROC AUC and ABROCA need.
/// When FAIRSHARP_METRICS_DATA names a file, the setup writes the rows there (int32 y, float64 score, int32 group,
/// little-endian, column after column) and the C# values to FILE.json, so that
/// benchmarks/reference/metrics_numpy.py times numpy on the same rows and checks its values against ours
/// (benchmarks/reference/run_metrics_comparison.sh runs both).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(15)]
public class MetricsBenchmarks
{
    public const int Rows = 10_000_000;
    public const int Groups = 3;

    private static readonly string[] GroupNames = ["group-0", "group-1", "group-2"];
    private static readonly EvaluationOptions FairnessOnly = new(RankingMetrics: false);

    private int[] _yTrue = [];
    private double[] _scores = [];
    private int[] _groups = [];

    [GlobalSetup]
    public void Setup()
    {
        (_yTrue, _scores, _groups) = Generate(Rows, seed: 2026);
        var path = Environment.GetEnvironmentVariable("FAIRSHARP_METRICS_DATA");
        if (!string.IsNullOrEmpty(path))
        {
            Write(path);
        }
    }

    [Benchmark(Baseline = true)]
    public double FairnessKeys() =>
        ModelEvaluator.Evaluate(_yTrue, _scores, _groups, GroupNames, FairnessOnly).Metrics[MetricKeys.EqualizedOddsDifference];

    [Benchmark]
    public double AllKeys() =>
        ModelEvaluator.Evaluate(_yTrue, _scores, _groups, GroupNames).Metrics[MetricKeys.Abroca];

    /// <summary>Group-dependent base rates and score shifts; scores rounded to 1e-4 so that ties occur, as in real models.</summary>
    public static (int[] YTrue, double[] Scores, int[] Groups) Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var yTrue = new int[rows];
        var scores = new double[rows];
        var groups = new int[rows];
        double[] baseRate = [0.25, 0.4, 0.55];
        double[] shift = [-0.05, 0.0, 0.08];
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(Groups);
            var y = random.NextDouble() < baseRate[g] ? 1 : 0;
            var s = 0.5 + (y == 1 ? 0.18 : -0.18) + shift[g] + (random.NextDouble() - 0.5) * 0.7;
            groups[i] = g;
            yTrue[i] = y;
            scores[i] = Math.Round(Math.Clamp(s, 0.0, 1.0), 4);
        }

        return (yTrue, scores, groups);
    }

    private void Write(string path)
    {
        var temp = path + ".tmp";
        using (var stream = new BinaryWriter(File.Create(temp)))
        {
            foreach (var y in _yTrue)
            {
                stream.Write(y);
            }

            foreach (var s in _scores)
            {
                stream.Write(s);
            }

            foreach (var g in _groups)
            {
                stream.Write(g);
            }
        }

        File.Move(temp, path, overwrite: true);
        var values = ModelEvaluator.Evaluate(_yTrue, _scores, _groups, GroupNames).Metrics
            .ToDictionary(kv => kv.Key, kv => double.IsNaN(kv.Value) ? null : (double?)kv.Value);
        File.WriteAllText(path + ".json.tmp", JsonSerializer.Serialize(values));
        File.Move(path + ".json.tmp", path + ".json", overwrite: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// wrote {Rows:N0} rows to {path} and the C# values to {path}.json"));
    }
}
