using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Safety;
using FairSharp.Experiments;
using FairSharp.Experiments.Study;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;

namespace FairSharp.Cli.Commands;

/// <summary>
/// <c>fairsharp study</c>: the reproduction study of issue 19 (docs/reproduction.md). A CLI command rather than a script,
/// because every part is an ordinary sweep: it inherits the sweep's resume, shards, worker pool and plan checks, and
/// one Slurm array line (<c>fairsharp study --out DIR --shard $I/$N</c>) runs it anywhere the CLI runs.
/// </summary>
internal static class StudyCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Study folder: one sweep folder per part (re-running the same command there resumes).", Required = true };
        var parts = new Option<string?>("--parts") { Description = "Run only these parts, comma-separated (default: all; the report always covers all)." };
        var shard = new Option<string?>("--shard") { Description = "Run only slice i of n of every part (i/n, 1-based); each slice has its own folder DIR/PART/shard-i-of-n." };
        var jobs = new Option<int>("--jobs") { Description = "Trials running at once, each in its own worker process.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds of every part instead of the study's (10 on Adult, 5 on Credit, …)." };
        var tiny = new Option<bool>("--tiny") { Description = "The CI version: every part on German, 2 seeds, one λ, one epoch (every report section)." };
        var reportOnly = new Option<bool>("--report-only") { Description = "Run no trial: regenerate the report from the records in --out." };
        var report = new Option<string?>("--report") { Description = "Where to write the report (default DIR/reproduction.md); its figures go to a folder beside it." };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("study", "Run the reproduction study (resumable, shardable) and write reproduction.md with its figures from the trial records.");
        foreach (var option in new Option[] { output, parts, shard, jobs, seeds, tiny, reportOnly, report, dataDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var data = parse.GetValue(dataDir);
            var runner = new TrainingTrialRunner();
            var only = parse.GetValue(reportOnly);
            var file = only ? StudyFile.Read(folder) : null;
            var options = new StudyOptions
            {
                Tiny = file?.Tiny ?? parse.GetValue(tiny),
                Seeds = file is null ? parse.GetValue(seeds) : file.Seeds,
                ImagesAvailable = ImagesAvailable(data),
            };
            var plan = StudyPlan.Create(options, runner.Catalog);
            var chosen = plan.Select(ListOptions.Strings(parse.GetValue(parts), "--parts"));
            var slice = parse.GetValue(shard) is { } text ? ShardSpec.Parse(text) : ShardSpec.All;
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.JobsNotPositive, jobCount));
            }

            var reportPath = Path.GetFullPath(parse.GetValue(report) ?? Path.Combine(folder, StudyReport.FileName));
            OutputLocation.CheckWritable(folder);
            if (!only)
            {
                foreach (var (part, sweep) in chosen.Where(p => p.Plan is not null))
                {
                    runner.CheckData(part.Sweep!, data);
                }

                using var pool = new PersistentTrialWorker(WorkerLocator.Current());
                var sweepRunner = new SweepRunner(pool);
                try
                {
                    var results = await StudyRun.RunAsync(plan, chosen, sweepRunner, slice, folder, jobCount, data,
                        name => new PartProgress(console.Error, name, plan.Parts.First(p => p.Part.Name == name)), cancellationToken);
                    foreach (var (name, result) in results)
                    {
                        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"study: {name}: {result.Ran} trials run ({result.Failed} failed or diverged), {result.Skipped} already done, slice {slice} of {result.Planned} planned, {result.Elapsed.TotalSeconds:0} s"));
                    }
                }
                catch (TrialEnvironmentException e)
                {
                    console.Error.WriteLine($"fairsharp: {e.Message.ReplaceLineEndings(" ")}; nothing was recorded for it and the study stopped: fix the cause and run the same command again to resume");
                    return ExitCodes.InternalFailure;
                }
                catch (OperationCanceledException)
                {
                    console.Error.WriteLine("fairsharp: study interrupted; finished trials are saved, run the same command again to resume");
                    return ExitCodes.InternalFailure;
                }
            }

            var written = StudyReport.Write(folder, plan, reportPath, VersionAction.Text(typeof(StudyCommand).Assembly), data);
            console.Out.WriteLine($"report: {written}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool ImagesAvailable(string? data)
    {
        try
        {
            return Directory.Exists(Path.Combine(Data.Catalogue.DataDirectory.Locate(data), "utkface"));
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }

    /// <summary>Prefixes each sweep progress line with the part's name.</summary>
    private sealed class PartProgress(TextWriter writer, string part, (StudyPart Part, SweepPlan? Plan) entry) : IProgress<SweepProgress>
    {
        private readonly LineProgress _lines = new(new PrefixWriter(writer, $"{part}: "), entry.Plan!, entry.Part.UtilityKey,
            entry.Part.GapKey ?? Experiments.Analysis.AnalysisOptions.DefaultGapKey(entry.Plan!.Options.Constraint));

        public void Report(SweepProgress value) => _lines.Report(value);
    }

    private sealed class PrefixWriter(TextWriter inner, string prefix) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value) => inner.WriteLine(prefix + value);

        public override void Write(char value) => inner.Write(value);
    }
}
