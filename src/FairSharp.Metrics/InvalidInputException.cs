namespace FairSharp;

/// <summary>
/// Bad input from a user: a file, a column, a value or an option that FairSharp refuses.
/// The message is one line that names the problem (file, line, column, value where they are known).
/// The CLI prints it to stderr and exits with code 2; it never prints a stack trace for it.
/// </summary>
/// <remarks>Derives from <see cref="ArgumentException"/> so that library callers that already handle
/// argument errors keep working; the CLI maps exactly this type to exit code 2.</remarks>
public sealed class InvalidInputException : ArgumentException
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public InvalidInputException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the error that caused it.</summary>
    public InvalidInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
