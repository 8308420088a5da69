namespace FairSharp.Experiments.Sweeps;

/// <summary>One line of <c>trials.jsonl</c>: a finished trial.</summary>
/// <param name="Id">The trial id (<see cref="TrialConfig.Id"/>).</param>
/// <param name="Status">How the trial ended.</param>
/// <param name="Config">Its full configuration.</param>
/// <param name="Metrics">Test metrics of the chosen epoch, by metric key.</param>
/// <param name="ByGroup">Per-group test metrics of the chosen epoch.</param>
/// <param name="ChosenEpoch">The epoch model selection chose, when known.</param>
/// <param name="Error">One-line reason when the trial failed or diverged.</param>
/// <param name="Timings">Wall-clock times.</param>
public sealed record TrialRecord(
    string Id,
    TrialStatus Status,
    TrialConfig Config,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByGroup,
    int? ChosenEpoch,
    string? Error,
    TrialTimings Timings)
{
    /// <summary>Why the metrics may look fairer than they are (collapsed classifier, empty group); empty when none.</summary>
    public IReadOnlyList<string> Degenerate { get; init; } = [];

    /// <summary>Metric keys whose value is NaN or ±∞ (in key order); empty when none. The analysis leaves such a value
    /// out of its point's mean, so it is flagged here and counted in summary.csv instead of vanishing.</summary>
    public IReadOnlyList<string> NonFiniteMetrics { get; init; } = [];

    /// <summary>Weight layer → cosine between the two groups' neuron-influence vectors on the test split, what
    /// <c>fairsharp rationale</c> reports for the model (its least aligned pair of groups; layers with more than one
    /// neuron); null unless the trial measured them (<see cref="TrialConfig.Rationale"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? RationaleCosines { get; init; }

    /// <summary>The keys of <paramref name="metrics"/> whose value is NaN or ±∞, in ordinal order.</summary>
    public static IReadOnlyList<string> NonFinite(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.Where(m => !double.IsFinite(m.Value)).Select(m => m.Key).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Builds the record of <paramref name="config"/> from what training produced.</summary>
    public static TrialRecord From(TrialConfig config, TrialOutcome outcome, TrialTimings timings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(outcome);
        return new TrialRecord(config.Id, outcome.Status, config, outcome.Metrics, outcome.ByGroup, outcome.ChosenEpoch, outcome.Error, timings)
        {
            Degenerate = outcome.Degenerate,
            NonFiniteMetrics = NonFinite(outcome.Metrics),
            RationaleCosines = outcome.RationaleCosines,
        };
    }
}
