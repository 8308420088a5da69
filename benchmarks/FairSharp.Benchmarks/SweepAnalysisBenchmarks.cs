using BenchmarkDotNet.Attributes;
using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Benchmarks;

/// <summary>
/// Cost of analysing the full Adult sweep of issue 9 (5 methods × 8 λ × 5 seeds = 165 trials, ERM without λ) with the
/// default 2000 bootstrap resamples: every point, front and hypervolume recomputed per resample. Synthetic, seeded
/// metrics shaped like real trade-offs (accuracy falls and the gap shrinks as λ grows).
/// </summary>
[MemoryDiagnoser]
public class SweepAnalysisBenchmarks
{
    private IReadOnlyList<TrialConfig> _plan = [];
    private IReadOnlyList<TrialRecord> _records = [];

    [GlobalSetup]
    public void Setup()
    {
        var catalog = new MethodCatalog(
        [
            new MethodInfo("erm", false, false), new MethodInfo("gapreg", true, false), new MethodInfo("fairmixup", true, false),
            new MethodInfo("adversarial", true, false), new MethodInfo("fairer", true, false),
        ]);
        var options = new SweepOptions
        {
            Methods = ["erm", "gapreg", "fairmixup", "adversarial", "fairer"],
            Lambdas = [0.03, 0.1, 0.3, 0.6, 1, 2, 3, 5],
            Seeds = 5,
        };
        _plan = SweepPlan.Create(options, catalog).Trials;
        var random = new Random(7);
        _records = _plan.Select(t =>
        {
            var strength = t.Lambda / (1 + t.Lambda);
            var metrics = new Dictionary<string, double>
            {
                ["accuracy"] = 0.85 - (0.04 * strength) + (random.NextDouble() * 0.006),
                ["demographic_parity_difference"] = (0.17 * (1 - strength)) + (random.NextDouble() * 0.02),
            };
            var groups = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["sex=Female"] = new Dictionary<string, double> { ["selection_rate"] = 0.08 },
                ["sex=Male"] = new Dictionary<string, double> { ["selection_rate"] = 0.25 },
            };
            return TrialRecord.From(t, new TrialOutcome(TrialStatus.Ok, metrics, groups, 10, null), new TrialTimings(10, 11));
        }).ToArray();
    }

    [Benchmark]
    public double AnalyseFullSweep() => SweepAnalyzer.Analyze(_plan, _records, new AnalysisOptions()).Curves[1].Hypervolume.Value;
}
