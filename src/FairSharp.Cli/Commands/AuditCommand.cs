using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Audit;
using FairSharp.Metrics;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp audit</c>: every metric key of a predictions CSV, as JSON (default), Markdown or CSV.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<string>("--input") { Description = "CSV file of predictions (header row, comma-separated).", Required = true };
        var yTrue = new Option<string>("--y-true") { Description = "Column of true labels: 0/1, or any values with --pos-label.", Required = true };
        var yPred = new Option<string?>("--y-pred") { Description = "Column of hard predictions (0/1, or values with --pos-label)." };
        var score = new Option<string?>("--score") { Description = "Column of scores P(y=1|x) in [0, 1]; thresholded with --threshold." };
        var threshold = new Option<double?>("--threshold") { Description = "Decision threshold on --score (default 0.5, comparison score >= threshold)." };
        var sensitive = new Option<string>("--sensitive") { Description = "Sensitive column(s), comma-separated for intersectional groups.", Required = true };
        var weights = new Option<string?>("--weights") { Description = "Column of sample weights (finite, >= 0)." };
        var posLabel = new Option<string?>("--pos-label") { Description = "Value of the positive class in --y-true/--y-pred (default: labels must be 0 or 1)." };
        var format = new Option<string>("--format") { Description = "Output: json (default), md (Markdown tables) or csv (one row per group).", DefaultValueFactory = _ => "json" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap samples for 95% intervals of every key (default 0: none).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap sampler (default 0).", DefaultValueFactory = _ => 0 };
        var encoding = new Option<string?>("--encoding") { Description = "Text encoding of the file (default: from its byte-order mark, else UTF-8), e.g. latin1, windows-1252, utf-16." };

        var command = new Command("audit", "Audit a predictions CSV: fairlearn-exact fairness metrics, the papers' forms, AP/AUC/ABROCA.");
        foreach (var option in new Option[] { input, yTrue, yPred, score, threshold, sensitive, weights, posLabel, format, bootstrap, seed, encoding })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            var outputFormat = parse.GetValue(format)!.ToLowerInvariant();
            if (outputFormat is not ("json" or "md" or "csv"))
            {
                throw Error(CliErrors.UnknownFormat, outputFormat);
            }

            var predColumn = parse.GetValue(yPred);
            var scoreColumn = parse.GetValue(score);
            if ((predColumn is null) == (scoreColumn is null))
            {
                throw Error(CliErrors.PredictionChoice);
            }

            var t = parse.GetValue(threshold);
            if (t is not null && scoreColumn is null)
            {
                throw Error(CliErrors.ThresholdNeedsScore);
            }

            var sensitiveColumns = ListOptions.Strings(parse.GetValue(sensitive), "--sensitive").ToArray();
            if (sensitiveColumns.Length == 0)
            {
                throw Error(CliErrors.NoSensitive);
            }

            if (sensitiveColumns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw Error(CliErrors.DuplicateSensitive, twice.Key);
            }

            if (parse.GetValue(bootstrap) is var samples and < 0)
            {
                throw Error(CliErrors.BadBootstrap, samples);
            }

            var options = new EvaluationOptions(
                Threshold: t ?? 0.5,
                RankingMetrics: scoreColumn is not null,
                BootstrapSamples: parse.GetValue(bootstrap),
                Seed: parse.GetValue(seed));
            options.Validate();

            var columns = new AuditColumns(parse.GetValue(yTrue)!, predColumn, scoreColumn, sensitiveColumns, parse.GetValue(weights), parse.GetValue(posLabel));
            var data = AuditCsvReader.Read(file, columns, parse.GetValue(encoding));
            var evaluation = ModelEvaluator.Evaluate(data.YTrue, data.Scores, data.Groups.Codes, data.Groups.Names, data.Weights, options);
            var text = outputFormat switch
            {
                "md" => AuditReport.Markdown(evaluation, data, file),
                "csv" => AuditReport.Csv(evaluation, data),
                _ => AuditReport.Json(evaluation, data, file),
            };
            console.Out.Write(text);
            if (!text.EndsWith('\n'))
            {
                console.Out.WriteLine();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static InvalidInputException Error(string format, params object[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));
}
