using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Safety;
using FairSharp.Data.Protocols;
using FairSharp.Experiments;
using FairSharp.Experiments.Reports;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;
using Spectre.Console;

namespace FairSharp.Cli.Commands;

/// <summary>
/// <c>fairsharp sweep</c>: methods × λ × seeds in parallel worker processes, resumable, then the report. The defaults
/// are the README's quick Adult sweep.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(CliConsole console)
    {
        var defaults = new SweepOptions();
        var dataset = new Option<string?>("--dataset") { Description = $"Dataset (see fairsharp datasets; default {defaults.Dataset}), or --data FILE.csv." };
        var csv = new DataSourceOptions();
        var sensitive = new Option<string>("--sensitive") { Description = "Sensitive attribute(s), comma-separated (several = intersectional groups).", DefaultValueFactory = _ => string.Join(',', defaults.Sensitive) };
        var methods = new Option<string>("--methods") { Description = "Methods, comma-separated, from the training registry.", DefaultValueFactory = _ => string.Join(',', defaults.Methods) };
        var constraint = new Option<string>("--constraint") { Description = "Fairness constraint of every method: dp, eo or eopp.", DefaultValueFactory = _ => defaults.Constraint };
        var lambdas = new Option<string>("--lambdas") { Description = "Fairness weights λ, comma-separated (methods without λ, like erm, run once).", DefaultValueFactory = _ => string.Join(',', defaults.Lambdas.Select(l => l.ToString(CultureInfo.InvariantCulture))) };
        var seeds = new Option<int>("--seeds") { Description = "Number of seeds (repeats) per point.", DefaultValueFactory = _ => defaults.Seeds };
        var seed = new Option<int>("--seed") { Description = "First seed; trials use seed, seed+1, …; also seeds the bootstrap.", DefaultValueFactory = _ => defaults.Seed };
        var jobs = new Option<int>("--jobs") { Description = "Trials running at once, each in its own worker process.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var threads = new Option<int>("--threads") { Description = "Torch threads of each worker (default 1: the workers already use the cores; jobs × threads above the cores slows every trial down).", DefaultValueFactory = _ => 1 };
        var shard = new Option<string?>("--shard") { Description = "Run only slice i of n of the plan (i/n, 1-based), e.g. 2/8 for array jobs." };
        var output = new Option<string>("--out") { Description = "Output folder (re-running the same command there resumes).", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs of every trial (default: the protocol's)." };
        var protocol = new Option<string?>("--protocol") { Description = $"Protocol preset of every trial (default: {FfbProtocol.ProtocolName})." };
        var stitchLayers = new Option<string?>("--stitch-layers") { Description = "Stitch layers tried by tfs/fdr, comma-separated (default: penultimate)." };
        var stitchInits = new Option<string?>("--stitch-inits") { Description = "Stitch initialisations tried by tfs/fdr: random, identity, lstsq (default: the method's)." };
        var grid = new Option<string[]>("--grid") { Description = "Extra axis over a method option, METHOD.KNOB=V1,V2,... (repeatable), e.g. fairer.lambda_align=0,0.01,0.1,1; the knobs are train's method options with _ for -.", Arity = ArgumentArity.ZeroOrMore };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Run again the trials recorded as failed or diverged (the report keeps their earlier attempts)." };
        var freshWorkers = new Option<bool>("--fresh-workers") { Description = "Start a new worker process for every trial instead of reusing workers (slower; same results)." };
        var mixedSamplers = new Option<bool>("--mixed-samplers") { Description = "Let each method keep its own sampler instead of one for all (the report warns: the comparison then mixes objective, sampler and rows per step)." };
        var rationale = new Option<bool>("--rationale") { Description = "Also record in each trial the per-layer rationale cosines of its model (what `fairsharp rationale` reports, test split); no metric changes, the trial ids do." };
        var dataDir = CommonOptions.DataDir();
        var analysis = new AnalysisCliOptions();

        var command = new Command("sweep", "Run methods × λ × seeds in parallel workers (resumable), then write summary.csv, report.md and pareto.png/svg.");
        foreach (var option in new Option[] { dataset, sensitive, methods, constraint, lambdas, seeds, seed, jobs, threads, shard, output, epochs, protocol, stitchLayers, stitchInits, grid, mixedSamplers, rationale, retryFailed, freshWorkers, dataDir })
        {
            command.Options.Add(option);
        }

        csv.AddTo(command);
        analysis.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(output)!;
            OutputLocation.CheckWritable(folder);
            var sensitiveNames = ListOptions.Strings(parse.GetValue(sensitive), "--sensitive");
            var csvOptions = csv.Read(parse, sensitiveNames, seed: 0);
            var datasetName = parse.GetValue(dataset);
            if (datasetName is not null && csvOptions is not null)
            {
                throw new InvalidInputException(DataSourceOptions.DatasetOrData);
            }

            var options = new SweepOptions
            {
                Dataset = csvOptions is null ? datasetName ?? defaults.Dataset : DataSourceOptions.Label(csvOptions),
                Csv = csvOptions,
                DataSha256 = csvOptions is null ? null : Data.Csv.TabularSource.DataSha256(csvOptions),
                Sensitive = sensitiveNames,
                Methods = ListOptions.Strings(parse.GetValue(methods), "--methods"),
                Constraint = parse.GetValue(constraint)!,
                Lambdas = ListOptions.Lambdas(parse.GetValue(lambdas)),
                Seeds = parse.GetValue(seeds),
                Seed = parse.GetValue(seed),
                Epochs = parse.GetValue(epochs),
                Protocol = parse.GetValue(protocol),
                StitchLayers = ListOptions.Integers(parse.GetValue(stitchLayers), "--stitch-layers"),
                StitchInits = ListOptions.Strings(parse.GetValue(stitchInits), "--stitch-inits"),
                Grid = (parse.GetValue(grid) ?? []).Select(GridAxis.Parse).ToArray(),
                MixedSamplers = parse.GetValue(mixedSamplers),
                RecordRationale = parse.GetValue(rationale),
            };
            var runner = new TrainingTrialRunner();
            var plan = SweepPlan.Create(options, runner.Catalog);
            var slice = parse.GetValue(shard) is { } text ? ShardSpec.Parse(text) : ShardSpec.All;
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.JobsNotPositive, jobCount));
            }

            var threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.ThreadsNotPositive, threadCount));
            }

            var analysisOptions = analysis.Read(parse, options.Seed);
            foreach (var (flag, key) in new[] { ("--utility", analysisOptions.UtilityKey), ("--gap", analysisOptions.GapKey) })
            {
                // Every trial records every key of MetricKeys.All: any other key would fail the report after the trials.
                if (key is not null && !Metrics.MetricKeys.All.Contains(key, StringComparer.Ordinal))
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.UnknownMetricKey, flag, key, string.Join(", ", Metrics.MetricKeys.All)));
                }
            }

            var data = parse.GetValue(dataDir);
            runner.CheckData(options, data);
            if (jobCount * threadCount > Environment.ProcessorCount)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sweep: --jobs {jobCount} × --threads {threadCount} = {jobCount * threadCount} torch threads on {Environment.ProcessorCount} cores: the workers will slow each other down"));
            }

            using var pool = parse.GetValue(freshWorkers) ? null : new PersistentTrialWorker(WorkerLocator.Current());
            var sweepRunner = new SweepRunner(pool ?? (ITrialWorker)new ProcessTrialWorker(WorkerLocator.Current()))
            {
                RetryFailed = parse.GetValue(retryFailed),
                ThreadsPerWorker = threadCount,
                HoldAfterRecords = HoldAfter(),
            };
            SweepRunResult result;
            try
            {
                result = console.IsInteractive
                    ? await RunWithProgressBar(console, sweepRunner, plan, slice, folder, jobCount, data, cancellationToken)
                    : await sweepRunner.RunAsync(plan, slice, folder, jobCount, data, new LineProgress(console.Error, plan, analysisOptions.UtilityKey,
                        analysisOptions.GapKey ?? Experiments.Analysis.AnalysisOptions.DefaultGapKey(options.Constraint)), cancellationToken);
            }
            catch (TrialEnvironmentException e)
            {
                console.Error.WriteLine($"fairsharp: {e.Message.ReplaceLineEndings(" ")}; nothing was recorded for it and the sweep stopped: fix the cause and run the same command again to resume");
                return ExitCodes.InternalFailure;
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("fairsharp: sweep interrupted; finished trials are saved, run the same command again to resume");
                return ExitCodes.InternalFailure;
            }

            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep: {result.Ran} trials run ({result.Failed} failed or diverged), {result.Skipped} already done, slice {slice} of {result.Planned} planned, {result.Elapsed.TotalSeconds:0} s"));
            if (result.Ran > 0)
            {
                console.Error.WriteLine($"sweep: {result.Shares.Describe()}");
            }

            var content = SweepFolders.Read([folder]);
            var files = ReportWriter.Write(folder, content.Plan, content.Records, analysisOptions, content.Superseded);
            SweepOutput.Print(console, files);
            if (slice != ShardSpec.All)
            {
                console.Ansi.WriteLine($"shard {slice}: merge all shards with: fairsharp report --in DIR1 DIR2 … --out MERGED");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Environment variable for kill-and-resume tests: record that many trials, then hold (<see cref="SweepRunner.HoldAfterRecords"/>).</summary>
    internal const string HoldAfterVariable = "FAIRSHARP_SWEEP_HOLD_AFTER";

    private static int? HoldAfter() =>
        int.TryParse(Environment.GetEnvironmentVariable(HoldAfterVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static async Task<SweepRunResult> RunWithProgressBar(CliConsole console, SweepRunner runner, SweepPlan plan, ShardSpec slice, string folder, int jobs, string? data, CancellationToken cancellationToken)
    {
        SweepRunResult? result = null;
        await console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("sweep", maxValue: Math.Max(1, plan.Slice(slice).Count));
                var progress = new CallbackProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Finished;
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"{p.Finished}/{p.Total} done · {p.Running} running · {p.Failed} failed{LineProgress.Means(p)}"));
                    if (p.Note is { } note)
                    {
                        console.Ansi.MarkupLine(Markup.Escape(note));
                    }
                });
                result = await runner.RunAsync(plan, slice, folder, jobs, data, progress, cancellationToken);
            });
        return result!;
    }
}
