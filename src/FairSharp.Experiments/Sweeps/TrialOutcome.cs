namespace FairSharp.Experiments.Sweeps;

/// <summary>What training one trial produced: test metrics and per-group metrics of the chosen epoch.</summary>
/// <param name="Status">How the trial ended.</param>
/// <param name="Metrics">Test metrics of the chosen epoch, by metric key (fractions in [0, 1]); empty unless ok.</param>
/// <param name="ByGroup">Per-group test metrics of the chosen epoch: group name → metric key → value.</param>
/// <param name="ChosenEpoch">The epoch model selection chose (validation only), when known.</param>
/// <param name="Error">One-line reason when the trial failed or diverged.</param>
public sealed record TrialOutcome(
    TrialStatus Status,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByGroup,
    int? ChosenEpoch,
    string? Error)
{
    /// <summary>Why the chosen epoch's numbers may look fairer than they are (a classifier that collapsed to one
    /// class for a group or overall, an empty group); empty when none.</summary>
    public IReadOnlyList<string> Degenerate { get; init; } = [];

    /// <summary>Where the trial's wall time went (data, steps, evaluation); <see cref="TrialPhases.None"/> when the runner
    /// does not measure it.</summary>
    public TrialPhases Phases { get; init; } = TrialPhases.None;

    /// <summary>Per-layer rationale cosines of the chosen model (<see cref="TrialConfig.Rationale"/>), else null.</summary>
    public IReadOnlyDictionary<string, double>? RationaleCosines { get; init; }

    /// <summary>An outcome for a trial that did not finish.</summary>
    public static TrialOutcome Unfinished(TrialStatus status, string error) =>
        new(status, new Dictionary<string, double>(), new Dictionary<string, IReadOnlyDictionary<string, double>>(), null, error);
}
