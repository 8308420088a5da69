namespace FairSharp.Experiments.Sweeps;

/// <summary>Where a trial's wall time went, in seconds: the phases a runner measures (0 for a phase it does not). A
/// <see cref="TrialOutcome"/> carries one; <see cref="TrialTimings"/> records it rounded.</summary>
/// <param name="DataSeconds">Loading, splitting and encoding the trial's data; about 0 when a persistent worker had it
/// prepared already.</param>
/// <param name="StepSeconds">Training steps (batch sampling, forward, backward, optimiser).</param>
/// <param name="EvaluationSeconds">Evaluating (validation each period, model selection, the chosen snapshot's test split).</param>
public sealed record TrialPhases(double DataSeconds = 0, double StepSeconds = 0, double EvaluationSeconds = 0)
{
    /// <summary>No phase measured.</summary>
    public static TrialPhases None { get; } = new();

    /// <summary>The sum of the phases.</summary>
    public double TotalSeconds => DataSeconds + StepSeconds + EvaluationSeconds;

    /// <summary>The phases rounded to milliseconds, as trial records store them.</summary>
    public TrialPhases Rounded() => new(Math.Round(DataSeconds, 3), Math.Round(StepSeconds, 3), Math.Round(EvaluationSeconds, 3));
}
