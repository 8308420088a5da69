using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests;

/// <summary>
/// A sweep with hand-made results: erm, gapreg and fairmixup at λ ∈ {0.1, 1}, seeds 0–2, on two groups.
/// Fairmixup at λ = 1, seed 2 diverged; fairmixup at λ = 0.1, seed 1 is flagged degenerate. Mean points: erm (0.85, 0.18); gapreg (0.84, 0.10), (0.82, 0.03);
/// fairmixup (0.83, 0.12), (0.795, 0.055).
/// </summary>
internal static class HandMadeSweep
{
    public static SweepOptions Options { get; } = new()
    {
        Methods = ["erm", "gapreg", "fairmixup"], Lambdas = [0.1, 1.0], Seeds = 3, Epochs = 2,
    };

    private static readonly Dictionary<(string, double), (double[] Accuracy, double[] Dp)> Table = new()
    {
        [("erm", 0.0)] = ([0.85, 0.84, 0.86], [0.18, 0.17, 0.19]),
        [("gapreg", 0.1)] = ([0.84, 0.83, 0.85], [0.10, 0.09, 0.11]),
        [("gapreg", 1.0)] = ([0.82, 0.81, 0.83], [0.03, 0.02, 0.04]),
        [("fairmixup", 0.1)] = ([0.83, 0.82, 0.84], [0.12, 0.13, 0.11]),
        [("fairmixup", 1.0)] = ([0.80, 0.79, 0.81], [0.05, 0.06, 0.04]),
    };

    public static SweepPlan Plan() => SweepPlan.Create(Options, TestCatalog.Instance);

    public static IReadOnlyList<TrialRecord> Records() => Plan().Trials.Select(Record).ToArray();

    public static TrialRecord Record(TrialConfig config)
    {
        if (config is { Method: "fairmixup", Lambda: 1.0, Seed: 2 })
        {
            return TrialRecord.From(config, TrialOutcome.Unfinished(TrialStatus.Diverged, "loss became NaN at epoch 1"), new TrialTimings(0.5, 0.75));
        }

        var (accuracy, dp) = Table[(config.Method, config.Lambda)];
        var a = accuracy[config.Seed];
        var d = dp[config.Seed];
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = a,
            ["demographic_parity_difference"] = d,
            ["equalized_odds_difference"] = d * 0.75,
            ["average_precision"] = a - 0.1,
        };
        var byGroup = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["sex=Female"] = new Dictionary<string, double> { ["selection_rate"] = 0.10, ["true_positive_rate"] = 0.50, ["false_positive_rate"] = 0.03, ["accuracy"] = a + 0.05 },
            ["sex=Male"] = new Dictionary<string, double> { ["selection_rate"] = 0.10 + d, ["true_positive_rate"] = 0.60, ["false_positive_rate"] = 0.08, ["accuracy"] = a - 0.03 },
        };
        var degenerate = config is { Method: "fairmixup", Lambda: 0.1, Seed: 1 } ? (IReadOnlyList<string>)["sex=Female: every prediction is 0"] : [];
        return TrialRecord.From(config, new TrialOutcome(TrialStatus.Ok, metrics, byGroup, 4, null) { Degenerate = degenerate }, new TrialTimings(1, 2));
    }
}
