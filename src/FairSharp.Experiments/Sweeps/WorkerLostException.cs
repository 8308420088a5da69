namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// A worker process ended without a result for its trial (killed by a signal, out of memory, crashed). That says
/// nothing about the trial itself, so the sweep runs it again in a fresh worker instead of recording a failure.
/// </summary>
public sealed class WorkerLostException : Exception
{
    /// <summary>An exception with no message.</summary>
    public WorkerLostException()
    {
    }

    /// <summary>An exception whose message says how the worker ended.</summary>
    public WorkerLostException(string message)
        : base(message)
    {
    }

    /// <summary>An exception whose message says how the worker ended, caused by <paramref name="inner"/>.</summary>
    public WorkerLostException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
