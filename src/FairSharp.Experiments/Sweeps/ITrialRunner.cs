namespace FairSharp.Experiments.Sweeps;

/// <summary>Trains and evaluates one trial in the current process (what a worker process calls).</summary>
public interface ITrialRunner
{
    /// <summary>The methods this runner can train.</summary>
    IMethodCatalog Catalog { get; }

    /// <summary>Runs the trial. A divergence or a training error is an outcome (status), not an exception;
    /// exceptions are left for bugs and bad input that the sweep should have refused.</summary>
    TrialOutcome Run(TrialSpec spec, CancellationToken cancellationToken);
}
