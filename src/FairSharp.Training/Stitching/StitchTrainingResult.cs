using FairSharp.Metrics;

namespace FairSharp.Training.Stitching;

/// <summary>What <see cref="StitchTrainer.Train"/> produced; the model then holds the weights of the chosen epoch.</summary>
/// <param name="Status"><c>completed</c> or <c>diverged</c>.</param>
/// <param name="Message">Why the run stopped early, or null.</param>
/// <param name="Epochs">One record per epoch.</param>
/// <param name="Choice">The chosen epoch and whether it passed the gate.</param>
/// <param name="SelectionDescription">The rule with its thresholds.</param>
/// <param name="Validation">Validation evaluation of the chosen epoch, or null when none finished.</param>
/// <param name="Test">Test evaluation of the chosen epoch, or null when none finished.</param>
/// <param name="Steps">Optimiser steps run.</param>
/// <param name="BatchSize">Rows per batch actually used.</param>
public sealed record StitchTrainingResult(
    string Status,
    string? Message,
    IReadOnlyList<EpochRecord> Epochs,
    StitchChoice Choice,
    string SelectionDescription,
    ModelEvaluation? Validation,
    ModelEvaluation? Test,
    int Steps,
    int BatchSize);
