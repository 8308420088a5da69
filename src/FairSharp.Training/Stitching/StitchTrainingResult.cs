using FairSharp.Metrics;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Stitching;

/// <summary>What <see cref="StitchTrainer.Train"/> produced; the model then holds the weights of the chosen epoch.</summary>
/// <param name="Status"><see cref="TrainingStatus.Completed"/> or <see cref="TrainingStatus.Diverged"/>.</param>
/// <param name="Message">Why the run stopped early, or null.</param>
/// <param name="Epochs">One record per epoch.</param>
/// <param name="Choice">The chosen epoch and whether it passed the gate.</param>
/// <param name="SelectionDescription">The rule with its thresholds.</param>
/// <param name="Validation">Validation evaluation of the chosen epoch, or null when none finished.</param>
/// <param name="Test">Test evaluation of the chosen epoch, or null when none finished.</param>
/// <param name="Steps">Optimiser steps run.</param>
/// <param name="BatchSize">Rows per batch actually used.</param>
public sealed record StitchTrainingResult(
    TrainingStatus Status,
    string? Message,
    IReadOnlyList<EpochRecord> Epochs,
    GateChoice Choice,
    string SelectionDescription,
    ModelEvaluation? Validation,
    ModelEvaluation? Test,
    int Steps,
    int BatchSize);
