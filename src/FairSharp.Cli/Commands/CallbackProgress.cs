using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Commands;

/// <summary>Calls back synchronously, one report at a time (reports come from several worker tasks).</summary>
internal sealed class CallbackProgress(Action<SweepProgress> callback) : IProgress<SweepProgress>
{
    private readonly object _gate = new();

    public void Report(SweepProgress value)
    {
        lock (_gate)
        {
            callback(value);
        }
    }
}
