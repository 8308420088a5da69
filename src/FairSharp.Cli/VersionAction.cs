using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace FairSharp.Cli;

/// <summary><c>fairsharp --version</c>: the package version and the commit it was built from.</summary>
internal sealed class VersionAction(CliConsole console) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        console.Out.WriteLine(Text(typeof(FairSharpApp).Assembly));
        return ExitCodes.Success;
    }

    /// <summary><c>fairsharp 0.1.0 (commit 0123456789ab)</c>, from the informational version the SDK stamps as
    /// <c>version+commit</c> when it builds from a git clone; "commit unknown" outside one.</summary>
    public static string Text(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? "commit unknown" : "commit " + informational[(plus + 1)..][..Math.Min(12, informational.Length - plus - 1)];
        return $"fairsharp {version} ({commit})";
    }
}
