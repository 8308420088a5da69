using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Safety;
using FairSharp.Metrics;
using FairSharp.Training;
using FairSharp.Training.Selection;
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
        var method = new Option<string>("--method") { Description = "tfs (stitch before the frozen top; default), fdr (fresh linear head, class-weighted NLL) or tfs-joint (stitch + output layer).", DefaultValueFactory = _ => "tfs" };
        var alpha = new Option<double>("--alpha") { Description = "Weight of the fairness term, >= 0 (default 20, as released).", DefaultValueFactory = _ => 20 };
        var constraint = new Option<string>("--constraint") { Description = "Fairness term: eo (soft FPR + FNR gaps; default), ae (accuracy equality) or mmf (max-min fairness).", DefaultValueFactory = _ => "eo" };
        var layer = new Option<int?>("--stitch-layer") { Description = "Stitch point index K (0 = first hidden stage); default: the penultimate representation." };
        var init = new Option<string>("--init") { Description = "Stitch initialisation: random (PyTorch default, as released; default), identity or lstsq.", DefaultValueFactory = _ => "random" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per batch; default: the whole balanced set (full batch). 1 = the released setting." };
        var epochs = new Option<int>("--epochs") { Description = "Epochs over the balanced set (default 1000).", DefaultValueFactory = _ => 1000 };
        var lr = new Option<double>("--lr") { Description = "SGD learning rate (default 0.01).", DefaultValueFactory = _ => 1e-2 };
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum (default 0.9).", DefaultValueFactory = _ => 0.9 };
        var weightDecay = new Option<double>("--weight-decay") { Description = "SGD weight decay (default 5e-4).", DefaultValueFactory = _ => 5e-4 };
        var fineTuneOn = new Option<string>("--fine-tune-on") { Description = "Pool of the balanced set: train+val (the authors' protocol; default) or train (clean: validation unseen).", DefaultValueFactory = _ => "train+val" };
        var gateBacc = new Option<double?>("--gate-bacc") { Description = "Selection gate: validation balanced accuracy > X (CelebA code: 0.86). Default: >= backbone - --gate-bacc-drop." };
        var gateDrop = new Option<double>("--gate-bacc-drop") { Description = "Relative gate when --gate-bacc is not given: balanced accuracy >= backbone's - X (default 0.03).", DefaultValueFactory = _ => 0.03 };
        var gateAuc = new Option<double?>("--gate-auc") { Description = "Selection gate: validation ROC AUC > X (CelebA code: 0.93). Default: none." };
        var gateEod = new Option<double?>("--gate-eod") { Description = "Selection gate: validation equalized_odds_difference < X (CelebA code: 0.12). Default: none." };
        var lambdaAlign = new Option<double>("--lambda-align") { Description = "FAIRER x TFS: weight of FAIRER's parity alignment of the two groups' neuron influence on the stitch (tfs, tfs-joint; default 0 = off).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "The one seed of the run: balanced-set draw, initialisation, batch order (default 0).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: torch's)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the representation cache in <backbone>/features/." };
        var output = CommonOptions.ModelOutput();
        var dataDir = CommonOptions.DataDir();
        var dataFile = CommonOptions.ModelDataFile();

        var command = new Command("stitch", "The Fairness Stitch (tfs), FDR (fdr) or tfs-joint on cached features of a trained backbone; writes result.json, model.bin, manifest.json.");
        foreach (var option in new Option[] { backbone, method, alpha, constraint, layer, init, batchSize, epochs, lr, momentum, weightDecay, fineTuneOn, gateBacc, gateDrop, gateAuc, gateEod, lambdaAlign, seed, threads, noCache, output, dataDir, dataFile })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            OutputLocation.CheckNewFolder(parse.GetValue(output));
            var options = new StitchOptions
            {
                Method = StitchMethods.Parse(parse.GetValue(method)!),
                Alpha = parse.GetValue(alpha),
                Constraint = StitchConstraints.Parse(parse.GetValue(constraint)!),
                StitchLayer = parse.GetValue(layer),
                Init = StitchInits.Parse(parse.GetValue(init)!),
                BatchSize = parse.GetValue(batchSize),
                Epochs = parse.GetValue(epochs),
                LearningRate = parse.GetValue(lr),
                Momentum = parse.GetValue(momentum),
                WeightDecay = parse.GetValue(weightDecay),
                FineTuneOn = FineTuningSets.Parse(parse.GetValue(fineTuneOn)!),
                Selection = new TfsGate
                {
                    MinBalancedAccuracy = parse.GetValue(gateBacc),
                    RelativeBalancedAccuracyDrop = parse.GetValue(gateDrop),
                    MinRocAuc = parse.GetValue(gateAuc),
                    MaxEqualizedOdds = parse.GetValue(gateEod),
                },
                LambdaAlign = parse.GetValue(lambdaAlign),
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
            var outcome = Run(console, request, outDir);
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
        console.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Method} ({c.Constraint}, alpha {c.Alpha}, init {c.Init}, batch {c.EffectiveBatchSize}) at stitch point {c.StitchLayer} ({c.StitchPoint.Name}) of {c.Dataset} [{string.Join(",", c.Sensitive)}], seed {c.Seed}: {outcome.Status}, {outcome.Steps} steps"));
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
