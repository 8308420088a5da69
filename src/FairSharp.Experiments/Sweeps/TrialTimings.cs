namespace FairSharp.Experiments.Sweeps;

/// <summary>Times of one trial, in seconds. They describe how the trial ran, never what it computed: they are not
/// part of its id and no metric depends on them (two runs of one trial differ here and nowhere else).</summary>
/// <param name="TrainSeconds">Wall time of the trial itself: data preparation, training and evaluation.</param>
/// <param name="TotalSeconds">Wall time from the worker's start to its result (process start, data loading included).</param>
public sealed record TrialTimings(double TrainSeconds, double TotalSeconds)
{
    /// <summary>Wall time between the worker process's start and this trial's start (the runtime, torch and the
    /// command's start-up); 0 for every later trial of a persistent worker.</summary>
    public double StartupSeconds { get; init; }

    /// <summary>The measured phases (data, steps, evaluation), rounded; recorded as the three properties below.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TrialPhases Phases { get; init; } = TrialPhases.None;

    /// <summary>Wall time loading, splitting and encoding the trial's data (<see cref="TrialPhases.DataSeconds"/>).</summary>
    public double DataSeconds
    {
        get => Phases.DataSeconds;
        init => Phases = Phases with { DataSeconds = value };
    }

    /// <summary>Wall time in training steps (<see cref="TrialPhases.StepSeconds"/>).</summary>
    public double StepSeconds
    {
        get => Phases.StepSeconds;
        init => Phases = Phases with { StepSeconds = value };
    }

    /// <summary>Wall time evaluating (<see cref="TrialPhases.EvaluationSeconds"/>).</summary>
    public double EvaluationSeconds
    {
        get => Phases.EvaluationSeconds;
        init => Phases = Phases with { EvaluationSeconds = value };
    }

    /// <summary>CPU time (user + system, all threads) of the worker process during the trial, start-up included;
    /// 0 when unknown. Unlike the wall times it hardly depends on what else the machine runs.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Wall time of the trial not in <see cref="DataSeconds"/>, <see cref="StepSeconds"/> or
    /// <see cref="EvaluationSeconds"/>: building the model and tensors, and methods that do not report their phases.</summary>
    public double OtherSeconds => Math.Round(Math.Max(0, TrainSeconds - Phases.TotalSeconds), 3);
}
