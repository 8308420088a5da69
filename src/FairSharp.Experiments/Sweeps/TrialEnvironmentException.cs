namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// A trial could not run because of its surroundings, not because of its own settings: its data files went missing
/// or changed, a file could not be read or written, the worker process was killed from outside. Such a failure says
/// nothing about the trial, so the sweep records nothing for it (a resume runs it again) and stops.
/// </summary>
public sealed class TrialEnvironmentException : Exception
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public TrialEnvironmentException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and its cause.</summary>
    public TrialEnvironmentException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public TrialEnvironmentException() : base("the trial could not run in this environment")
    {
    }
}
