namespace FairSharp.Cli.Tests;

/// <summary>Runs <c>fairsharp</c> in-process with captured output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FairSharpApp.Run(args, CliConsole.Capture(output, error));
        return (exit, output.ToString(), error.ToString());
    }
}
