using System.CommandLine;
using FairSharp.Cli.Commands;
using FairSharp.Cli.Safety;

namespace FairSharp.Cli;

/// <summary>Builds the <c>fairsharp</c> command tree and maps outcomes to exit codes.</summary>
public static class FairSharpApp
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    /// <remarks>No arguments print the list of commands. A usage error (with the closest valid command, option or value)
    /// or <see cref="InvalidInputException"/> prints one line on stderr and returns
    /// <see cref="ExitCodes.BadInput"/>; any other exception returns <see cref="ExitCodes.InternalFailure"/>.</remarks>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildRoot(console);
        if (args.Length == 0)
        {
            CommandList.Write(root, console.Out);
            return ExitCodes.Success;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            console.Error.WriteLine($"fairsharp: {UsageErrors.Describe(parsed)}");
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.Out,
                Error = console.Error,
            });
        }
        catch (InvalidInputException e)
        {
            console.Error.WriteLine($"fairsharp: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.Error.WriteLine($"fairsharp: internal error: {OneLine(e.Message)}");
            if (Environment.GetEnvironmentVariable("FAIRSHARP_DEBUG") == "1")
            {
                console.Error.WriteLine(e);
            }

            return ExitCodes.InternalFailure;
        }
    }

    /// <summary>The root command with every sub-command.</summary>
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("fairsharp: train, audit and compare fair deep networks (FAIRER, The Fairness Stitch, baselines).");
        root.Subcommands.Add(DatasetsCommand.Create(console));
        root.Subcommands.Add(AuditCommand.Create(console));
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(PredictCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(RationaleCommand.Create(console));
        root.Subcommands.Add(StitchCommand.Create(console));
        root.Subcommands.Add(SweepCommand.Create(console));
        root.Subcommands.Add(StudyCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(TrialCommand.Create(console));
        root.Subcommands.Add(TrialWorkerCommand.Create(console));
        ValueChoices.Attach(root);
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(console);
        return root;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
