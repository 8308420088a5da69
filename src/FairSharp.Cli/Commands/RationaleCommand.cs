using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Safety;
using FairSharp.Experiments.Rationale;
using FairSharp.Training.Runs;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp rationale</c>: per-layer parity scores (FAIRER's neuron-influence alignment between groups) of
/// one or more trained models, printed as Markdown and written as JSON, Markdown and a PNG/SVG plot.</summary>
internal static class RationaleCommand
{
    /// <summary>Error text: a thread count below 1 (format: value).</summary>
    public const string BadThreads = "--threads must be at least 1, got {0}";

    public static Command Create(CliConsole console)
    {
        var models = new Option<string[]>("--model")
        {
            Description = "A model folder written by 'fairsharp train' (model.bin + manifest.json); repeat to overlay several models.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var split = new Option<string>("--split") { Description = "Split to measure on: train, validation or test (default test).", DefaultValueFactory = _ => "test" };
        var partition = new Option<string>("--partition")
        {
            Description = "Strata to compare: group (every pair of groups, default) or label (groups within each label, FAIRER's EO mode).",
            DefaultValueFactory = _ => "group",
        };
        var influence = new Option<string>("--influence")
        {
            Description = "Neuron influence: weight (FAIRER's weight-Taylor, default) or activation (activation-Taylor).",
            DefaultValueFactory = _ => "weight",
        };
        var maxRows = new Option<int?>("--max-rows") { Description = "Use at most this many rows per stratum (seeded draw; default all)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the --max-rows draw (default 0).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: all cores)." };
        var output = new Option<string?>("--out") { Description = "Folder (new or empty) for rationale.json, rationale.md, rationale.png and rationale.svg." };
        var dataDir = CommonOptions.DataDir();
        var dataFile = CommonOptions.ModelDataFile();

        var command = new Command("rationale", "Per-layer parity scores: how similarly each group's loss depends on every layer's neurons (FAIRER).");
        foreach (var option in new Option[] { models, split, partition, influence, maxRows, seed, threads, output, dataDir, dataFile })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output);
            if (outDir is not null)
            {
                OutputLocation.CheckNewFolder(outDir);
            }

            var request = new RationaleRequest(parse.GetValue(models)!)
            {
                Split = parse.GetValue(split)!,
                Partition = RationaleRequest.ParsePartition(parse.GetValue(partition)!),
                Influence = RationaleRequest.ParseInfluence(parse.GetValue(influence)!),
                MaxRowsPerStratum = parse.GetValue(maxRows),
                Seed = parse.GetValue(seed),
                DataDirectory = parse.GetValue(dataDir),
                DataFile = parse.GetValue(dataFile),
            };
            request.Validate();

            if (parse.GetValue(threads) is { } count)
            {
                if (count < 1)
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadThreads, count));
                }

                TorchSharp.torch.set_num_threads(count);
            }

            var result = RationaleRun.Execute(request);
            console.Out.Write(RationaleMarkdown.Render(result));
            if (outDir is not null)
            {
                RationaleRun.Write(result, outDir);
                console.Out.WriteLine($"wrote {Path.Combine(outDir, RationaleRun.JsonFile)}, {RationaleRun.MarkdownFile}, {RationalePlot.PngFile}, {RationalePlot.SvgFile}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
