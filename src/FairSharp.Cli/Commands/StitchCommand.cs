using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Safety;
using FairSharp.Metrics;
using FairSharp.Training;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Stitching;
using Spectre.Console;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp stitch</c>: The Fairness Stitch, FDR or tfs-joint on a backbone saved by <c>fairsharp train</c>;
/// writes result.json, model.bin and manifest.json.</summary>
internal static class StitchCommand
{
    private static readonly string[] SummaryKeys =
    [
        MetricKeys.Accuracy, MetricKeys.BalancedAccuracy, MetricKeys.RocAuc, MetricKeys.EqualizedOddsDifference,
        MetricKeys.AccuracyEqualityDifference, MetricKeys.WorstGroupAccuracy, MetricKeys.Abroca, MetricKeys.DemographicParityDifference,
    ];

    public static Command Create(CliConsole console)
    {
        var backbone = new Option<string>("--backbone") { Description = "Folder of a model saved by 'fairsharp train' (normally --method erm): model.bin + manifest.json.", Required = true };
        var method = new Option<string>("--method") { Description = "tfs (stitch before the frozen top; default), fdr (fresh linear head, class-weighted NLL) or tfs-joint (stitch + output layer). Its options below apply to the methods named in their help.", DefaultValueFactory = _ => "tfs" };
        var methodOptions = new MethodCliOptions(MethodKind.Stitch);
        var seed = new Option<int>("--seed") { Description = "The one seed of the run: balanced-set draw, initialisation, batch order (default 0).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: torch's)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the representation cache in <backbone>/features/." };
        var output = CommonOptions.ModelOutput();
        var dataDir = CommonOptions.DataDir();
        var dataFile = CommonOptions.ModelDataFile();

        var command = new Command("stitch", "The Fairness Stitch (tfs), FDR (fdr) or tfs-joint on cached features of a trained backbone; writes result.json, model.bin, manifest.json.");
        foreach (var option in new Option[] { backbone, method, seed, threads, noCache, output, dataDir, dataFile })
        {
            command.Options.Add(option);
        }

        methodOptions.AddTo(command);

        command.SetAction(parse =>
        {
            OutputLocation.CheckNewFolder(parse.GetValue(output));
            var name = parse.GetValue(method)!;
            var options = (StitchOptions)(methodOptions.Read(parse, name) ?? methodOptions.Descriptor(name).Defaults) with
            {
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            var request = new StitchRequest(parse.GetValue(backbone)!)
            {
                Options = options,
                DataDirectory = parse.GetValue(dataDir),
                DataFile = parse.GetValue(dataFile),
                CacheOnDisk = !parse.GetValue(noCache),
            };
            var outDir = parse.GetValue(output)!;
            var outcome = methodOptions.ToFlags(() => Run(console, request, outDir));
            Print(console, outcome, outDir);
            if (!outcome.Succeeded)
            {
                console.Error.WriteLine("fairsharp: " + string.Format(CultureInfo.InvariantCulture, CommonOptions.Diverged, outcome.Message,
                    Path.Combine(outDir, StitchRun.ResultFile)));
                return ExitCodes.InternalFailure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static StitchOutcome Run(CliConsole console, StitchRequest request, string outDir)
    {
        var total = request.Options.Epochs;
        if (!console.IsInteractive)
        {
            var every = Math.Max(1, total / 10);
            return StitchRun.Execute(request, outDir, record =>
            {
                if ((record.Epoch + 1) % every == 0 || record.Epoch + 1 == total)
                {
                    console.Error.WriteLine(EpochLine(record, total));
                }
            });
        }

        StitchOutcome? outcome = null;
        console.Ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("caching features");
                task.MaxValue = Math.Max(1, total);
                outcome = StitchRun.Execute(request, outDir, record =>
                {
                    task.Value = record.Epoch + 1;
                    task.Description = Markup.Escape(EpochLine(record, total));
                });
                task.StopTask();
            });
        return outcome!;
    }

    private static string EpochLine(EpochRecord record, int total) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {record.Epoch + 1}/{total}  loss {record.TrainLoss:F4}  val bacc {record.Validation.GetValueOrDefault(MetricKeys.BalancedAccuracy):F4}  val eod {record.Validation.GetValueOrDefault(MetricKeys.EqualizedOddsDifference):F4}");

    private static void Print(CliConsole console, StitchOutcome outcome, string outDir)
    {
        var c = outcome.Config;
        // init only for the methods that have a stitch (fdr has none): the knobs result.json records.
        var init = c.MethodOptions.TryGetValue("init", out var i) ? $", init {i}" : string.Empty;
        console.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Method} ({c.MethodOptions["constraint"]}, alpha {c.MethodOptions["alpha"]}{init}, batch {c.EffectiveBatchSize}) at stitch point {c.StitchLayer} ({c.StitchPoint.Name}) of {c.Dataset} [{string.Join(",", c.Sensitive)}], seed {c.Seed}: {outcome.Status}, {outcome.Steps} steps"));
        if (outcome.Succeeded && outcome.ChosenEpoch >= 0)
        {
            console.Ansi.WriteLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"selection: {outcome.SelectionDescription} -> epoch {outcome.ChosenEpoch}{(outcome.GatePassed ? string.Empty : " (gate failed: fallback)")}; thresholded metrics use {c.Comparison}")));
            var table = new Table().Border(TableBorder.Markdown).AddColumn("test metric").AddColumn(new TableColumn("backbone").RightAligned()).AddColumn(new TableColumn(c.Method).RightAligned());
            foreach (var key in SummaryKeys)
            {
                table.AddRow(key, outcome.Backbone.Test[key].ToString("F4", CultureInfo.InvariantCulture), outcome.Test[key].ToString("F4", CultureInfo.InvariantCulture));
            }

            console.Ansi.Write(table);
            foreach (var reason in outcome.Degenerate)
            {
                console.Ansi.WriteLine("warning: " + Markup.Escape(reason));
            }
        }

        console.Ansi.WriteLine($"wrote {Path.Combine(outDir, StitchRun.ResultFile)}" + (outcome.Succeeded ? ", model.bin, manifest.json" : string.Empty));
    }
}
