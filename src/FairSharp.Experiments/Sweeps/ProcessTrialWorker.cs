using System.Diagnostics;
using System.Globalization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// Runs each trial in its own worker process: writes the spec file, starts <c>COMMAND trial --spec FILE</c>, and reads
/// the record from the last line of the worker's standard output. The worker's standard input stays open and is never
/// written: when the sweep process dies, the pipe closes and the worker stops too (no orphan keeps computing).
/// A worker that crashes or prints no record throws <see cref="WorkerLostException"/> with the last line of its
/// standard error (the sweep runs the trial again). <see cref="PersistentTrialWorker"/> is the faster default; this
/// one isolates every trial in a fresh process (<c>fairsharp sweep --fresh-workers</c>).
/// </summary>
public sealed class ProcessTrialWorker : ITrialWorker
{
    /// <summary>Sub-command the worker runs.</summary>
    public const string TrialCommand = "trial";

    /// <summary>Exit code of a worker whose trial could not run because of its surroundings (its last standard error
    /// line says why): the sweep records nothing for it.</summary>
    public const int EnvironmentExitCode = 3;

    private readonly WorkerCommand _command;

    /// <summary>A worker that starts <paramref name="command"/>.</summary>
    public ProcessTrialWorker(WorkerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
    }

    /// <inheritdoc />
    public async Task<TrialRecord> RunAsync(TrialSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var specPath = Path.Combine(Path.GetDirectoryName(spec.WorkDirectory)!, spec.Config.Id + ".spec.json");
        AtomicFile.WriteAllText(specPath, System.Text.Json.JsonSerializer.Serialize(spec, SweepJson.Canonical));
        try
        {
            var info = _command.StartInfo(spec.TorchThreads, TrialCommand, "--spec", specPath, "--exit-with-parent");

            Process process;
            try
            {
                process = Process.Start(info) ?? throw new TrialEnvironmentException($"could not start {_command.FileName}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new TrialEnvironmentException($"could not start {_command.FileName}: {e.Message}", e);
            }

            using var started = process;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout.ConfigureAwait(false);
            var error = await stderr.ConfigureAwait(false);
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
            var record = line is null ? null : TrialStore.TryParse(line);
            if (record is not null && record.Id == spec.Config.Id)
            {
                return record;
            }

            var reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
                         ?? "no output";
            if (process.ExitCode == EnvironmentExitCode)
            {
                throw new TrialEnvironmentException(string.Create(CultureInfo.InvariantCulture, $"worker exited with code {process.ExitCode}: {reason}"));
            }

            throw new WorkerLostException(string.Create(CultureInfo.InvariantCulture, $"worker exited with code {process.ExitCode} without a result: {reason}"));
        }
        finally
        {
            File.Delete(specPath);
        }
    }
}
