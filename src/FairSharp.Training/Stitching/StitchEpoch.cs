namespace FairSharp.Training.Stitching;

/// <summary>What one epoch of stitch training produced (the same fields as the trainer's per-epoch record).</summary>
/// <param name="Epoch">Zero-based epoch index.</param>
/// <param name="Step">Optimiser steps done so far.</param>
/// <param name="LearningRate">Learning rate (constant: no scheduler, as released).</param>
/// <param name="TrainLoss">Mean loss over the epoch's batches.</param>
/// <param name="Diagnostics">Mean <c>nll</c> and <c>fairness</c> (the term before α) over the epoch's batches.</param>
/// <param name="Validation">Every metric key on the validation split, plus <c>loss</c> (NLL). Used for selection.</param>
/// <param name="Test">Every metric key on the test split, plus <c>loss</c>. Reporting only.</param>
public sealed record StitchEpoch(
    int Epoch,
    int Step,
    double LearningRate,
    double TrainLoss,
    IReadOnlyDictionary<string, double> Diagnostics,
    IReadOnlyDictionary<string, double> Validation,
    IReadOnlyDictionary<string, double> Test);
