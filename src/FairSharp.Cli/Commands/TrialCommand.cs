using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using FairSharp.Cli.Safety;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;
using FairSharp.Training.Runs;

namespace FairSharp.Cli.Commands;

/// <summary>
/// <c>fairsharp trial --spec FILE</c> (hidden): what a sweep's worker process runs. Runs one trial and prints its
/// record as one JSON line on standard output; a failed trial is a record too (exit code 0).
/// </summary>
internal static class TrialCommand
{
    public static Command Create(CliConsole console)
    {
        var spec = new Option<string>("--spec") { Description = "Trial spec file written by fairsharp sweep.", Required = true };
        var exitWithParent = new Option<bool>("--exit-with-parent")
        {
            Description = "Exit when standard input closes (the sweep process died).",
        };
        var command = new Command(ProcessTrialWorker.TrialCommand, "Run one trial of a sweep (used by fairsharp sweep's worker processes).")
        {
            Hidden = true,
        };
        command.Options.Add(spec);
        command.Options.Add(exitWithParent);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(spec)!;
            TrialSpec trial;
            try
            {
                trial = JsonSerializer.Deserialize<TrialSpec>(File.ReadAllText(path), SweepJson.Canonical)
                        ?? throw new InvalidInputException($"{path}: empty trial spec");
            }
            catch (JsonException e)
            {
                throw new InvalidInputException($"{path}: not a trial spec ({JsonProblem.Describe(e)})", e);
            }
            catch (IOException e)
            {
                throw new InvalidInputException($"{path}: cannot read the trial spec ({InputFile.Reason(e)})", e);
            }

            if (parse.GetValue(exitWithParent))
            {
                WatchParent();
            }

            var startedAgo = DateTime.Now - Process.GetCurrentProcess().StartTime;
            TrialRecord record;
            try
            {
                record = TrialExecution.Run(new TrainingTrialRunner(), trial, startedAgo, CancellationToken.None, ownProcess: true);
            }
            catch (TrialEnvironmentException e)
            {
                console.Error.WriteLine($"fairsharp: {e.Message.ReplaceLineEndings(" ")}");
                return ProcessTrialWorker.EnvironmentExitCode;
            }

            console.Out.WriteLine(TrialStore.Serialize(record));
            console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The sweep keeps this process's standard input open and never writes to it; end of input means the
    /// sweep is gone, so stop instead of computing a result nobody will record.</summary>
    private static void WatchParent()
    {
        var watcher = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[64];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            Environment.Exit(ExitCodes.InternalFailure);
        })
        {
            IsBackground = true,
            Name = "fairsharp-parent-watch",
        };
        watcher.Start();
    }
}
