namespace FairSharp.Training;

/// <summary>What one evaluation period (an epoch, or <see cref="TrainerOptions.EvaluateEvery"/> steps) produced.</summary>
/// <param name="Epoch">Zero-based index of the period.</param>
/// <param name="Step">Training steps done so far.</param>
/// <param name="LearningRate">Learning rate after the period's scheduler steps.</param>
/// <param name="TrainLoss">Mean training loss over the period's steps.</param>
/// <param name="Diagnostics">Mean of each objective diagnostic over the period's steps.</param>
/// <param name="Validation">Every metric key on the validation split, plus <c>loss</c> (BCE). Used for selection. Empty
/// at the periods where nothing reads it (<see cref="Selection.SelectionRule.ReadsEveryPeriod"/> false, no early
/// stopping, no <see cref="TrainerOptions.TestCurve"/>): then only the last period has it.</param>
/// <param name="Test">Every metric key on the test split, plus <c>loss</c>. Reporting only: never used to select. Empty
/// except at the chosen epoch unless <see cref="TrainerOptions.TestCurve"/> asked for the per-epoch curve.</param>
public sealed record EpochRecord(
    int Epoch,
    int Step,
    double LearningRate,
    double TrainLoss,
    IReadOnlyDictionary<string, double> Diagnostics,
    IReadOnlyDictionary<string, double> Validation,
    IReadOnlyDictionary<string, double> Test);
