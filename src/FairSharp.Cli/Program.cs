namespace FairSharp.Cli;

/// <summary>Entry point of the <c>fairsharp</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args) => FairSharpApp.Run(args, CliConsole.Standard());
}
