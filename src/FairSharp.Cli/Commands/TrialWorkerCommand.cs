using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;

namespace FairSharp.Cli.Commands;

/// <summary>
/// <c>fairsharp worker</c> (hidden): a sweep's persistent worker process. Reads trial specs as JSON lines on standard
/// input, runs them one after another with torch's global state reset before each and the prepared datasets kept in
/// memory, and prints each trial's record as one JSON line on standard output. Exits when standard input ends (the
/// sweep closed it, or died).
/// </summary>
internal static class TrialWorkerCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command(PersistentTrialWorker.WorkerCommandName, "Run trial specs read from standard input (used by fairsharp sweep's workers).")
        {
            Hidden = true,
        };
        command.SetAction(_ =>
        {
            var specs = new BlockingCollection<string>();
            var reader = new Thread(() =>
            {
                while (Console.In.ReadLine() is { } line)
                {
                    specs.Add(line);
                }

                // End of input: the sweep is done with this worker or gone; a trial still running has nobody to report to.
                Environment.Exit(ExitCodes.Success);
            })
            {
                IsBackground = true,
                Name = "fairsharp-worker-input",
            };
            reader.Start();
            var runner = new TrainingTrialRunner { DataCache = new PreparedDataCache() };
            var first = true;
            foreach (var line in specs.GetConsumingEnumerable())
            {
                // The first trial's start-up: from the process's start to its spec (the sweep writes it at once).
                var startedAgo = first ? DateTime.Now - Process.GetCurrentProcess().StartTime : TimeSpan.Zero;
                first = false;
                var spec = JsonSerializer.Deserialize<TrialSpec>(line, SweepJson.Canonical)
                           ?? throw new InvalidInputException("worker: empty trial spec on standard input");
                TorchGlobalState.Reset(spec.TorchThreads);
                TrialRecord record;
                try
                {
                    record = TrialExecution.Run(runner, spec, startedAgo, CancellationToken.None, ownProcess: true);
                }
                catch (TrialEnvironmentException e)
                {
                    console.Error.WriteLine($"fairsharp: {e.Message.ReplaceLineEndings(" ")}");
                    return ProcessTrialWorker.EnvironmentExitCode;
                }

                console.Out.WriteLine(TrialStore.Serialize(record));
                console.Out.Flush();
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
