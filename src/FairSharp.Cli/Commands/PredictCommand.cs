using System.CommandLine;
using System.Globalization;
using FairSharp.Experiments.Predictions;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp predict</c>: scores new rows with a model trained on a CSV; the output feeds <c>fairsharp audit</c>.</summary>
internal static class PredictCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Model folder written by 'fairsharp train --data …' (with preprocessing.json), or by 'fairsharp train --dataset adult|german'.", Required = true };
        var input = new Option<string>("--input") { Description = "CSV of rows to score (header row; columns matched by name; separator detected); for an adult or german model, a file in that dataset's raw format (e.g. adult.test).", Required = true };
        var output = new Option<string>("--out") { Description = "CSV to write: the target and sensitive columns when present, --keep columns, score, prediction.", Required = true };
        var keep = new Option<string?>("--keep") { Description = "More input columns to copy to the output (e.g. an id), comma-separated." };
        var threshold = new Option<double?>("--threshold") { Description = "prediction = score >= threshold (default: the model's, 0.5)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of a post-processed model's randomised decisions (default: the one 'fairsharp postprocess' used)." };
        var separator = new Option<string?>("--separator") { Description = "Input separator ',', ';' or 'tab' (default: detected)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder holding the bundled datasets, for a model trained with --dataset adult or german (default: the repository's data/ folder, or FAIRSHARP_DATA)." };

        var command = new Command("predict", "Score new rows with a trained model: the saved preprocessing, then the network; writes score and prediction.");
        foreach (var option in new Option[] { model, input, output, keep, threshold, seed, separator, dataDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            Safety.OutputLocation.CheckFile(parse.GetValue(output));
            var request = new PredictRequest(parse.GetValue(model)!, parse.GetValue(input)!, parse.GetValue(output)!)
            {
                Keep = (parse.GetValue(keep) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Threshold = parse.GetValue(threshold),
                Seed = parse.GetValue(seed),
                Separator = DataSourceOptions.ParseSeparator(parse.GetValue(separator)),
                DataDirectory = parse.GetValue(dataDir),
            };
            var outcome = PredictRun.Execute(request);
            foreach (var (column, count) in outcome.Unseen)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"fairsharp: warning: {count} row(s) have a '{column}' category unseen in training (encoded as all zeros)"));
            }

            var rule = outcome.Rule ?? string.Create(CultureInfo.InvariantCulture, $"score >= {outcome.Threshold}");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scored {outcome.Rows} rows ({outcome.Positives} predicted 1 at {rule}); wrote {request.Output} ({string.Join(", ", outcome.Columns)})"));
            return ExitCodes.Success;
        });
        return command;
    }
}
