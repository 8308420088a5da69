namespace FairSharp.Experiments.Sweeps;

/// <summary>Wall-clock times of one trial, in seconds.</summary>
/// <param name="TrainSeconds">Time inside training and evaluation.</param>
/// <param name="TotalSeconds">Time from the worker's start to its result (process start, data loading included).</param>
public sealed record TrialTimings(double TrainSeconds, double TotalSeconds);
