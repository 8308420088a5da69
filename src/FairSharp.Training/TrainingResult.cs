using FairSharp.Metrics;
using FairSharp.Training.Models;

namespace FairSharp.Training;

/// <summary>What a <see cref="Trainer"/> run produced. The model holds the weights of the chosen epoch.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="Message">Why it ended early (divergence, early stopping), or null.</param>
/// <param name="Epochs">One record per evaluation period.</param>
/// <param name="ChosenEpoch">Index into <paramref name="Epochs"/> of the reported model; −1 when no epoch finished.</param>
/// <param name="SelectionRule">Name of the selection rule.</param>
/// <param name="SelectionDescription">The rule with its parameters, and a note when it fell back.</param>
/// <param name="Test">Test evaluation of the chosen epoch (every metric key, by group, definitions); null when diverged before any evaluation.</param>
/// <param name="Validation">Validation evaluation of the chosen epoch; null likewise.</param>
/// <param name="Steps">Training steps run.</param>
/// <param name="Messages">Log lines of the run (e.g. a clamped batch size).</param>
public sealed record TrainingResult(
    TrainingStatus Status,
    string? Message,
    IReadOnlyList<EpochRecord> Epochs,
    int ChosenEpoch,
    string SelectionRule,
    string SelectionDescription,
    ModelEvaluation? Test,
    ModelEvaluation? Validation,
    int Steps,
    IReadOnlyList<string> Messages);
