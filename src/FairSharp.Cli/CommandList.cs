using System.CommandLine;

namespace FairSharp.Cli;

/// <summary>What <c>fairsharp</c> prints when it is run without a command: what it is, and the commands it has.</summary>
internal static class CommandList
{
    public static void Write(RootCommand root, TextWriter output)
    {
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine("Usage: fairsharp COMMAND [options]");
        output.WriteLine();
        output.WriteLine("Commands:");
        var commands = root.Subcommands.Where(c => !c.Hidden).ToArray();
        var width = commands.Max(c => c.Name.Length);
        foreach (var command in commands)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}  {command.Description}");
        }

        output.WriteLine();
        output.WriteLine("Run 'fairsharp COMMAND --help' for the options of a command; 'fairsharp --version' for the version and commit.");
    }
}
