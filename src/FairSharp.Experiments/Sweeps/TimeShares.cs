using System.Globalization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>Where a set of trials spent their time: the sums of their <see cref="TrialTimings"/> by phase, in seconds.</summary>
/// <param name="Trials">Trials summed.</param>
/// <param name="Startup">Worker start-up (<see cref="TrialTimings.StartupSeconds"/>).</param>
/// <param name="Data">Data preparation (<see cref="TrialTimings.DataSeconds"/>).</param>
/// <param name="Steps">Training steps (<see cref="TrialTimings.StepSeconds"/>).</param>
/// <param name="Evaluation">Evaluation and model selection (<see cref="TrialTimings.EvaluationSeconds"/>).</param>
/// <param name="Other">The rest of each trial (<see cref="TrialTimings.OtherSeconds"/>).</param>
/// <param name="Cpu">CPU time of the workers (<see cref="TrialTimings.CpuSeconds"/>).</param>
public sealed record TimeShares(int Trials, double Startup, double Data, double Steps, double Evaluation, double Other, double Cpu)
{
    /// <summary>Nothing summed yet.</summary>
    public static TimeShares None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>The sum of all phases (the trials' wall time, start-up included).</summary>
    public double Total => Startup + Data + Steps + Evaluation + Other;

    /// <summary>These sums plus one trial's times.</summary>
    public TimeShares Add(TrialTimings timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        return new TimeShares(Trials + 1, Startup + timings.StartupSeconds, Data + timings.DataSeconds, Steps + timings.StepSeconds,
            Evaluation + timings.EvaluationSeconds, Other + timings.OtherSeconds, Cpu + timings.CpuSeconds);
    }

    /// <summary>One line: "time of 39 trials: start-up 2%, data 1%, steps 60%, evaluation 30%, other 7% of 300 s; CPU 290 s".</summary>
    public string Describe()
    {
        if (Trials == 0 || Total <= 0)
        {
            return "time of 0 trials";
        }

        string Share(double seconds) => (100 * seconds / Total).ToString("0", CultureInfo.InvariantCulture) + "%";
        var cpu = Cpu > 0 ? string.Create(CultureInfo.InvariantCulture, $"; worker CPU {Cpu:0.0} s") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"time of {Trials} trials: start-up {Share(Startup)}, data {Share(Data)}, steps {Share(Steps)}, evaluation {Share(Evaluation)}, other {Share(Other)} of {Total:0.0} s{cpu}");
    }
}
