using System.CommandLine;

namespace FairSharp.Cli.Commands;

/// <summary>Options shared by several commands, so that they are spelled and described once.</summary>
internal static class CommonOptions
{
    /// <summary><c>--data-dir</c>: the folder of bundled datasets (default: found from the current directory).</summary>
    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = "Folder holding the bundled datasets (default: the repository's data/ folder, found from the current directory; or FAIRSHARP_DATA).",
    };
}
