using System.Globalization;
using FairSharp.Training;
using Spectre.Console;

namespace FairSharp.Cli.Training;

/// <summary>Shows a training run as a Spectre progress bar (interactive terminals only); log lines go to stderr.</summary>
internal sealed class ProgressObserver(ProgressTask task, TextWriter error) : ITrainingObserver
{
    public void OnStart(int totalSteps, int periods) => task.MaxValue = Math.Max(totalSteps, 1);

    public void OnStep(int step, double loss)
    {
        task.Value = step;
        task.Description = string.Create(CultureInfo.InvariantCulture, $"training  loss {loss:F4}");
    }

    public void OnEvaluated(EpochRecord record) => task.Description = record.Validation.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"epoch {record.Epoch}  loss {record.TrainLoss:F4}")
        : string.Create(CultureInfo.InvariantCulture,
            $"epoch {record.Epoch}  val acc {record.Validation.GetValueOrDefault("accuracy"):F4}  val dp {record.Validation.GetValueOrDefault("demographic_parity_difference"):F4}");

    public void OnMessage(string message) => error.WriteLine(message);

    public void OnFinished(TrainingStatus status) => task.StopTask();
}

/// <summary>Output that is not a terminal: no progress, only the run's log lines on stderr.</summary>
internal sealed class LogLineObserver(TextWriter error) : ITrainingObserver
{
    public void OnMessage(string message) => error.WriteLine(message);
}
