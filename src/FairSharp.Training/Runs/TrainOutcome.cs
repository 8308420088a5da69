using System.Text.Json.Serialization;

namespace FairSharp.Training.Runs;

/// <summary>
/// The result of one training run (what <c>fairsharp train</c> writes as <c>result.json</c>, snake_case keys, and what a
/// sweep trial records). Metrics are fractions in [0, 1] (sum forms in [0, 2]); NaN only where a metric is undefined.
/// </summary>
/// <param name="Status"><c>completed</c>, <c>early_stopped</c> or <c>diverged</c>.</param>
/// <param name="Message">Why the run ended early, or null.</param>
/// <param name="Config">The full resolved configuration.</param>
/// <param name="Data">Which data the run used.</param>
/// <param name="Selection">Selection rule name.</param>
/// <param name="SelectionDescription">The rule with its parameters.</param>
/// <param name="ChosenEpoch">Index of the reported epoch in <paramref name="Epochs"/>; −1 when diverged.</param>
/// <param name="ChosenStep">Training steps done at the chosen epoch; 0 when diverged.</param>
/// <param name="Steps">Training steps run.</param>
/// <param name="Epochs">Per-epoch (per evaluation period) records: loss, learning rate, diagnostics, validation and test metrics.</param>
/// <param name="Test">Test metrics of the chosen epoch: every metric key; empty when diverged.</param>
/// <param name="TestByGroup">Test metrics per group of the chosen epoch; empty when diverged.</param>
/// <param name="Validation">Validation metrics of the chosen epoch; empty when diverged.</param>
/// <param name="Degenerate">Reasons why the chosen test numbers may look fairer than they are.</param>
/// <param name="Definitions">Metric key → which form of the metric it is.</param>
/// <param name="Messages">Log lines of the run.</param>
public sealed record TrainOutcome(
    string Status,
    string? Message,
    RunConfig Config,
    DataSummary Data,
    string Selection,
    string SelectionDescription,
    int ChosenEpoch,
    int ChosenStep,
    int Steps,
    IReadOnlyList<EpochRecord> Epochs,
    IReadOnlyDictionary<string, double> Test,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> TestByGroup,
    IReadOnlyDictionary<string, double> Validation,
    IReadOnlyList<string> Degenerate,
    IReadOnlyDictionary<string, string> Definitions,
    IReadOnlyList<string> Messages)
{
    /// <summary>Wall-clock time of the run (not written to result.json, which must be identical across runs).</summary>
    [JsonIgnore]
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when the run did not diverge.</summary>
    [JsonIgnore]
    public bool Succeeded => Status != TrainingStatuses.DivergedWord;
}
