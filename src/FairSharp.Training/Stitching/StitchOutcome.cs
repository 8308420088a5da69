using System.Text.Json.Serialization;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Stitching;

/// <summary>
/// The result of one stitch run (<c>fairsharp stitch</c>'s <c>result.json</c>): the same keys as <see cref="TrainOutcome"/>
/// (status, config, data, selection, chosen epoch, per-epoch records, test / validation metrics of the chosen epoch,
/// per-group test metrics, degeneracy flags, definitions, messages) plus the backbone's own metrics and whether the
/// selection gate passed.
/// </summary>
/// <param name="Status"><c>completed</c> or <c>diverged</c>.</param>
/// <param name="Message">Why the run stopped early, or null.</param>
/// <param name="Config">The resolved configuration.</param>
/// <param name="Data">The data (the backbone's).</param>
/// <param name="Selection">Selection rule name (<c>tfs-gate</c>).</param>
/// <param name="SelectionDescription">The rule with its thresholds.</param>
/// <param name="ChosenEpoch">Index of the reported epoch; −1 when none.</param>
/// <param name="ChosenStep">Steps done at the chosen epoch.</param>
/// <param name="Steps">Steps run.</param>
/// <param name="Epochs">Per-epoch records (every epoch, every method).</param>
/// <param name="Test">Test metrics of the chosen epoch.</param>
/// <param name="TestByGroup">Per-group test metrics (incl. false_positive_rate, false_negative_rate) of the chosen epoch.</param>
/// <param name="Validation">Validation metrics of the chosen epoch.</param>
/// <param name="Degenerate">Reasons why the chosen test numbers may look fairer than they are.</param>
/// <param name="Definitions">Metric key → form.</param>
/// <param name="Messages">Log lines.</param>
/// <param name="GatePassed">False when no epoch passed the gate and the fallback picked the epoch.</param>
/// <param name="Backbone">The unmodified backbone's metrics.</param>
public sealed record StitchOutcome(
    string Status,
    string? Message,
    StitchConfig Config,
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
    IReadOnlyList<string> Messages,
    bool GatePassed,
    BackboneSummary Backbone)
{
    /// <summary>Name of the selection rule.</summary>
    public const string SelectionName = global::FairSharp.Training.Selection.TfsGate.RuleName;

    /// <summary>Wall-clock time of the run (not written).</summary>
    [JsonIgnore]
    public TimeSpan Elapsed { get; init; }

    /// <summary>Wall-clock time of the training loop incl. per-epoch evaluation (not written).</summary>
    [JsonIgnore]
    public TimeSpan TrainingElapsed { get; init; }

    /// <summary>True when the run did not diverge.</summary>
    [JsonIgnore]
    public bool Succeeded => Status != TrainingStatuses.DivergedWord;
}
