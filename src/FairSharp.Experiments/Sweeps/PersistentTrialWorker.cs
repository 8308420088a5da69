using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// Runs trials in long-lived worker processes (<c>COMMAND worker</c>): each process reads trial specs as JSON lines
/// on its standard input and answers each with its record as one JSON line on standard output, so the runtime
/// starts once per worker and a worker keeps the datasets it prepared. A worker serves one trial at a time; up to
/// one worker per concurrent call is started. A worker that ends without answering throws
/// <see cref="WorkerLostException"/> (the sweep starts the trial again in a fresh worker). When the sweep process
/// dies, the workers' standard input closes and they exit.
/// </summary>
public sealed class PersistentTrialWorker : ITrialWorker, IDisposable
{
    /// <summary>Sub-command a persistent worker runs.</summary>
    public const string WorkerCommandName = "worker";

    private readonly WorkerCommand _command;
    private readonly ConcurrentBag<WorkerProcess> _idle = [];
    private readonly ConcurrentDictionary<WorkerProcess, byte> _all = new();
    private bool _disposed;

    /// <summary>A pool of workers started with <paramref name="command"/>.</summary>
    public PersistentTrialWorker(WorkerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
    }

    /// <summary>Process ids of the workers alive now (for tests and diagnostics).</summary>
    public IReadOnlyList<int> ProcessIds => _all.Keys.Where(w => !w.Process.HasExited).Select(w => w.Process.Id).ToArray();

    /// <inheritdoc />
    public async Task<TrialRecord> RunAsync(TrialSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = _idle.TryTake(out var w) && !w.Process.HasExited ? w : Start(spec.TorchThreads);
        try
        {
            await worker.Process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(spec, SweepJson.Canonical).AsMemory(), cancellationToken).ConfigureAwait(false);
            await worker.Process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var line = await worker.Process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    throw Lost(worker);
                }

                if (line.StartsWith('{') && TrialStore.TryParse(line) is { } record && record.Id == spec.Config.Id)
                {
                    _idle.Add(worker);
                    return record;
                }
            }
        }
        catch (IOException e)
        {
            throw Lost(worker, e);
        }
        catch (OperationCanceledException)
        {
            Stop(worker, kill: true);
            throw;
        }
    }

    /// <summary>Closes every worker's standard input (they exit) and waits briefly for them.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var worker in _all.Keys)
        {
            Stop(worker, kill: false);
        }
    }

    private WorkerProcess Start(int threads)
    {
        var info = _command.StartInfo(threads, WorkerCommandName);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {_command.FileName}");
        var worker = new WorkerProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                worker.LastError = e.Data.Trim();
            }
        };
        process.BeginErrorReadLine();
        _all[worker] = 0;
        return worker;
    }

    /// <summary>Why the worker ended: the environment (<see cref="ProcessTrialWorker.EnvironmentExitCode"/>: the sweep
    /// records nothing) or a lost worker (the trial runs again).</summary>
    private Exception Lost(WorkerProcess worker, Exception? inner = null)
    {
        _all.TryRemove(worker, out _);
        if (!worker.Process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            worker.Process.Kill(entireProcessTree: true);
        }

        // The untimed wait also drains standard error, so LastError is the worker's real last line.
        worker.Process.WaitForExit();

        // Exit codes above 128 are 128 + the signal that ended the process (what a shell reports).
        var code = worker.Process.ExitCode;
        var how = code > 128
            ? string.Create(CultureInfo.InvariantCulture, $"worker {worker.Process.Id} killed by signal {code - 128}")
            : string.Create(CultureInfo.InvariantCulture, $"worker {worker.Process.Id} exited with code {code}");
        var message = worker.LastError is { } last ? $"{how}: {last}" : how;
        worker.Process.Dispose();
        if (code == ProcessTrialWorker.EnvironmentExitCode)
        {
            return new TrialEnvironmentException(message, inner ?? new IOException(how));
        }

        return inner is null ? new WorkerLostException(message) : new WorkerLostException(message, inner);
    }

    private void Stop(WorkerProcess worker, bool kill)
    {
        _all.TryRemove(worker, out _);
        try
        {
            if (kill)
            {
                worker.Process.Kill(entireProcessTree: true);
            }
            else if (!worker.Process.HasExited)
            {
                worker.Process.StandardInput.Close();
                if (!worker.Process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    worker.Process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }

        worker.Process.Dispose();
    }

    private sealed class WorkerProcess(Process process)
    {
        public Process Process { get; } = process;

        public string? LastError { get; set; }
    }
}
