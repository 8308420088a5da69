namespace FairSharp.Cli;

/// <summary>Exit codes of <c>fairsharp</c> (contract in docs/ARCHITECTURE: 0 success, 2 bad input, 1 internal failure).</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>Something failed inside FairSharp (a bug or an environment problem).</summary>
    public const int InternalFailure = 1;

    /// <summary>Bad input or usage: one clear line on stderr.</summary>
    public const int BadInput = 2;
}
