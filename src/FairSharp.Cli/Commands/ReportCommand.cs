using System.CommandLine;
using FairSharp.Experiments.Reports;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp report --in DIR [DIR …]</c>: (re)writes a sweep's report; several folders (shards of one
/// plan) are merged into <c>--out</c>.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<string[]>("--in")
        {
            Description = "Sweep output folders (shards of one plan are merged).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the merged trials and the report. Default: the --in folder when there is one; required with several.",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the bootstrap.",
            DefaultValueFactory = _ => 0,
        };
        var analysis = new AnalysisCliOptions();
        var command = new Command("report", "Summarise sweep folders: summary.csv, report.md, pareto.png/svg; merges shards.");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(seed);
        analysis.AddTo(command);
        command.SetAction(parse =>
        {
            var folders = parse.GetValue(input) ?? [];
            var options = analysis.Read(parse, parse.GetValue(seed));
            var content = SweepFolders.Read(folders);
            var target = parse.GetValue(output);
            if (target is null)
            {
                if (folders.Length > 1)
                {
                    throw new InvalidInputException(ReportErrors.OutRequired);
                }

                target = folders[0];
            }
            else if (!folders.Any(f => Path.GetFullPath(f).TrimEnd('/') == Path.GetFullPath(target).TrimEnd('/')))
            {
                SweepFolders.WriteMerged(target, content);
            }

            var files = ReportWriter.Write(target, content.Plan, content.Records, options, content.Superseded);
            if (content.IgnoredLines > 0)
            {
                console.Error.WriteLine($"fairsharp: ignored {content.IgnoredLines} incomplete line(s) of trials.jsonl (a run was killed while writing)");
            }

            SweepOutput.Print(console, files);
            return ExitCodes.Success;
        });
        return command;
    }
}
