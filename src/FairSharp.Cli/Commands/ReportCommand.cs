using System.CommandLine;
using FairSharp.Cli.Safety;
using FairSharp.Experiments;
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
            var target = parse.GetValue(output);
            if (target is null && folders.Length > 1)
            {
                throw new InvalidInputException(CliErrors.OutRequired);
            }

            var inPlace = target is null;
            target ??= folders.FirstOrDefault() ?? throw new InvalidInputException(ExperimentErrors.NoFolders);
            OutputLocation.CheckWritable(target);
            var reportsInPlace = inPlace || (folders.Length == 1 && SamePath(folders[0], target));
            var content = SweepFolders.Read(folders);
            if (!reportsInPlace)
            {
                // Into a folder that already holds trials only as a merge of the same plan that keeps every record.
                content = SweepFolders.WriteMerged(target, content);
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

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
