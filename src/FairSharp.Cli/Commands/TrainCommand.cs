using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Safety;
using FairSharp.Cli.Training;
using FairSharp.Data.Protocols;
using FairSharp.Metrics;
using FairSharp.Training;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;
using Spectre.Console;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp train</c>: trains one model with one method and writes result.json, model.bin and manifest.json.</summary>
internal static class TrainCommand
{
    private static readonly string[] SummaryKeys =
    [
        MetricKeys.Accuracy, MetricKeys.BalancedAccuracy, MetricKeys.AveragePrecision, MetricKeys.RocAuc,
        MetricKeys.DemographicParityDifference, MetricKeys.EqualizedOddsDifference, MetricKeys.EqualizedOddsSum,
        MetricKeys.EqualOpportunityDifference, MetricKeys.DpScoreGap, MetricKeys.EoScoreGap, MetricKeys.WorstGroupAccuracy,
    ];

    public static Command Create(CliConsole console)
    {
        var dataset = new Option<string?>("--dataset") { Description = "Dataset: adult, compas, german, bank, credit, acs-income-ct, utkface (or --data FILE.csv)." };
        var csv = new DataSourceOptions();
        var sensitive = new Option<string>("--sensitive") { Description = "Sensitive attribute(s), comma-separated for intersectional groups (e.g. sex or sex,race).", Required = true };
        var method = new Option<string>("--method") { Description = $"Method: {string.Join(", ", MethodRegistry.NamesOf(MethodKind.Network))} (default erm). Its options below apply to the methods named in their help.", DefaultValueFactory = _ => "erm" };
        var constraint = new Option<string>("--constraint") { Description = "Fairness constraint of the penalty: dp, eo or eopp (default dp).", DefaultValueFactory = _ => "dp" };
        var methodOptions = new MethodCliOptions(MethodKind.Network);
        var protocol = new Option<string>("--protocol") { Description = ProtocolHelp(FfbProtocol.ProtocolName), DefaultValueFactory = _ => FfbProtocol.ProtocolName };
        var seed = new Option<int>("--seed") { Description = "The one seed of the run: split, initialisation, dropout, batches (default 0).", DefaultValueFactory = _ => 0 };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (under ffb: passes over the training split). Default: the protocol's." };
        var steps = new Option<int?>("--steps") { Description = "Training steps of a step-based protocol (ffb default 150)." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Batch size (per stratum when stratified). Default: the protocol's; clamped to the data." };
        var lr = new Option<double?>("--lr") { Description = "Learning rate. Default: the protocol's." };
        var architecture = new Option<string?>("--arch") { Description = "Model: mlp, small-cnn, resnet18 (torchvision stem: 7x7 stride-2 conv + max-pool) or resnet18-cifar (3x3 stride-1 stem, ~16x the compute at 32x32). Default: the protocol's (tabular: mlp; images: resnet18)." };
        var numpySplit = new Option<bool>("--numpy-split") { Description = "fairmixup: split with numpy's np.random.seed(seed); np.random.permutation(n), i.e. aif360's split in the authors' code." };
        var hidden = new Option<string?>("--hidden") { Description = "Hidden widths, comma-separated (e.g. 256,256). Default: the protocol's (ffb: 512,256,64)." };
        var dropout = new Option<double?>("--dropout") { Description = "Dropout probability in [0, 1). Default: the protocol's (ffb: 0.5)." };
        var evalEvery = new Option<int?>("--eval-every") { Description = "Steps between evaluations under a step-based protocol (ffb default 10)." };
        var testCurve = new Option<bool>("--test-curve") { Description = "Evaluate validation and test at every evaluation (per-epoch curves in result.json; default: validation only where model selection reads it, test once, at the chosen epoch)." };
        var selection = new Option<string?>("--selection") { Description = "Model selection on validation: last, min-gap, max-accuracy-within-gap. Default: the protocol's." };
        var device = new Option<string>("--device") { Description = "cpu (default) or cuda.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: all cores)." };
        var output = CommonOptions.ModelOutput();
        var dataDir = CommonOptions.DataDir();

        var command = new Command("train", "Train one model with one method and write result.json, model.bin and manifest.json.");
        foreach (var option in new Option[] { dataset, sensitive, method, constraint, protocol, numpySplit, seed, epochs, steps, batchSize, lr, architecture, hidden, dropout, evalEvery, testCurve, selection, device, threads, output, dataDir })
        {
            command.Options.Add(option);
        }

        csv.AddTo(command);
        methodOptions.AddTo(command);
        command.SetAction(parse =>
        {
            OutputLocation.CheckNewFolder(parse.GetValue(output));
            var sensitiveNames = ListOptions.Strings(parse.GetValue(sensitive), "--sensitive").ToArray();
            var csvOptions = csv.Read(parse, sensitiveNames, parse.GetValue(seed));
            var datasetName = parse.GetValue(dataset);
            if ((datasetName is null) == (csvOptions is null))
            {
                throw new InvalidInputException(DataSourceOptions.DatasetOrData);
            }

            var request = new TrainRequest(datasetName ?? DataSourceOptions.Label(csvOptions!), sensitiveNames, parse.GetValue(method)!)
            {
                Csv = csvOptions,
                Constraint = FairnessConstraints.Parse(parse.GetValue(constraint)!),
                Options = methodOptions.Read(parse, parse.GetValue(method)!),
                Protocol = parse.GetValue(protocol)!,
                Seed = parse.GetValue(seed),
                NumpySplit = parse.GetValue(numpySplit),
                Epochs = parse.GetValue(epochs),
                Steps = parse.GetValue(steps),
                BatchSize = parse.GetValue(batchSize),
                LearningRate = parse.GetValue(lr),
                Architecture = parse.GetValue(architecture),
                Hidden = ParseWidths(parse.GetValue(hidden)),
                Dropout = parse.GetValue(dropout),
                EvaluateEvery = parse.GetValue(evalEvery),
                TestCurve = parse.GetValue(testCurve),
                Selection = parse.GetValue(selection),
                Device = parse.GetValue(device)!,
                Threads = parse.GetValue(threads),
                DataDirectory = parse.GetValue(dataDir),
            };
            var outDir = parse.GetValue(output)!;
            var outcome = methodOptions.ToFlags(() => Run(console, request, outDir));
            Print(console, outcome, outDir);
            if (!outcome.Succeeded)
            {
                console.Error.WriteLine("fairsharp: " + string.Format(CultureInfo.InvariantCulture, CommonOptions.Diverged, outcome.Message,
                    Path.Combine(outDir, TrainingRun.ResultFile)));
                return ExitCodes.InternalFailure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Error text: a width that is not a positive integer (format: the text).</summary>
    public const string BadWidths = "--hidden must be positive integers separated by commas, got '{0}'";

    private static int[]? ParseWidths(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var widths = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadWidths, text));
            }
        }

        return widths;
    }

    private static TrainOutcome Run(CliConsole console, TrainRequest request, string outDir)
    {
        if (!console.IsInteractive)
        {
            return TrainingRun.Execute(request, outDir, new LogLineObserver(console.Error));
        }

        TrainOutcome? outcome = null;
        console.Ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("preparing data");
                outcome = TrainingRun.Execute(request, outDir, new ProgressObserver(task, console.Error));
            });
        return outcome!;
    }

    private static void Print(CliConsole console, TrainOutcome outcome, string outDir)
    {
        var c = outcome.Config;
        console.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Method} ({c.Constraint}{(c.MethodOptions.Count == 0 ? "" : ", " + c.DescribeOptions())}) on {c.Dataset} [{string.Join(",", c.Sensitive)}], protocol {c.Protocol}, seed {c.Seed}: {outcome.Status}, {outcome.Steps} steps"));
        if (outcome.Succeeded)
        {
            console.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"selection: {outcome.SelectionDescription} -> epoch {outcome.ChosenEpoch} (step {outcome.ChosenStep}); thresholded metrics use {c.Comparison}"));
            var table = new Table().Border(TableBorder.Markdown).AddColumn("test metric").AddColumn(new TableColumn("value").RightAligned());
            foreach (var key in SummaryKeys)
            {
                table.AddRow(key, outcome.Test[key].ToString("F4", CultureInfo.InvariantCulture));
            }

            console.Ansi.Write(table);
            foreach (var reason in outcome.Degenerate)
            {
                console.Ansi.WriteLine("warning: " + Markup.Escape(reason));
            }
        }

        console.Ansi.WriteLine($"wrote {Path.Combine(outDir, TrainingRun.ResultFile)}" + (outcome.Succeeded ? ", model.bin, manifest.json" : string.Empty)
            + (outcome.Succeeded && File.Exists(Path.Combine(outDir, ModelCheckpoint.PreprocessingFile)) ? ", " + ModelCheckpoint.PreprocessingFile : string.Empty));
    }

    // "ffb (default), fairmixup (adult), tfs (utkface)": the registry's protocols, each with the datasets it is limited to.
    private static string ProtocolHelp(string defaultProtocol) => "Protocol preset: " + string.Join(", ", DataProtocols.All.Select(p =>
        $"{p.Name} ({(p.Name == defaultProtocol ? "default" : string.Join(", ", p.Datasets))})")) + ".";
}
