using System.Globalization;
using CsvHelper;
using FairSharp.Data.Csv;
using FairSharp.Experiments.Postprocessing;
using FairSharp.Metrics;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Objectives;

namespace FairSharp.Experiments.Predictions;

/// <summary>
/// <c>fairsharp predict</c>: loads a model folder (<see cref="TrainedModel.Load"/>), reads the rows, applies the saved
/// preprocessing and the network, and writes the kept columns with <c>score</c> (P(y = 1 | x), written as the exact
/// double of the float the network gives, so <c>fairsharp audit</c> reproduces the training run's metrics) and
/// <c>prediction</c> (score &gt;= threshold). A post-processed model (<c>fairsharp postprocess</c>) decides each row with
/// its group's randomised thresholds instead (<see cref="ThresholdPostprocessor.Predict"/>, seeded): the input must then
/// hold the sensitive columns. The file is written atomically: an error leaves nothing.
/// </summary>
public static class PredictRun
{
    /// <summary>Error text: a threshold outside [0, 1] (format: value).</summary>
    public const string BadThreshold = "--threshold must be in [0, 1], got {0}";

    /// <summary>Error text: --threshold given for a post-processed model (format: folder).</summary>
    public const string ThresholdOnPostprocessed = "--threshold does not apply to {0}: a post-processed model decides with its per-group thresholds (thresholds.json)";

    /// <summary>Error text: a CSV-only option given for a catalogue model (format: option, folder, dataset).</summary>
    public const string CsvOnlyOption = "{0} applies to models trained with --data; {1} was trained with --dataset {2} and scores that dataset's raw file format";

    /// <summary>Error text: a post-processed catalogue model asked to decide a row outside its groups (format: file, row, attributes).</summary>
    public const string NoGroup = "{0}, row {1}: the row is in none of the model's {2} groups, so its per-group threshold is undefined";

    /// <summary>Scores the rows of <paramref name="request"/> and writes the output file.</summary>
    /// <exception cref="InvalidInputException">A bad model folder, input file or column, or threshold; nothing is written then.</exception>
    public static PredictOutcome Execute(PredictRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Threshold is { } t && !(t >= 0 && t <= 1))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadThreshold, t));
        }

        using var model = TrainedModel.Load(request.Model);
        if (model.Preprocessing is null)
        {
            return ScoreRawRows(model, request);
        }

        var preprocessing = model.Preprocessing;
        var rows = TabularRows.ReadCsv([request.Input], request.Separator);
        var kept = new List<string>();
        foreach (var name in new[] { preprocessing.Target.Column }.Concat(preprocessing.Source.Sensitive))
        {
            if (rows.Header.Contains(name, StringComparer.Ordinal) && !kept.Contains(name, StringComparer.Ordinal))
            {
                kept.Add(name);
            }
        }

        foreach (var name in request.Keep)
        {
            rows.ColumnIndex(name);
            if (!kept.Contains(name, StringComparer.Ordinal))
            {
                kept.Add(name);
            }
        }

        if (model.Thresholds is not null && request.Threshold is not null)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ThresholdOnPostprocessed, request.Model));
        }

        var groupCodes = model.Thresholds is null ? null : preprocessing.GroupCodes(rows);
        var prediction = model.Predict(rows);
        var threshold = request.Threshold ?? prediction.Threshold;
        var labels = prediction.Labels(threshold);
        string? rule = null;
        if (model.Thresholds is { } thresholds)
        {
            var seed = request.Seed ?? thresholds.Seed;
            var scores = prediction.Scores.Select(s => (double)s).ToArray();
            labels = thresholds.Predict(scores, GroupLabels.FromCodes(groupCodes, preprocessing.GroupNames), seed);
            rule = string.Create(CultureInfo.InvariantCulture, $"per-group thresholds for {thresholds.Constraint.ToName()}, seed {seed}");
        }

        var positions = kept.Select(rows.ColumnIndex).ToArray();
        var columns = Write(request.Output, kept, (r, c) => rows.Value(r, positions[c]), prediction.Scores, labels);
        return new PredictOutcome(rows.Count, columns, threshold, labels.Sum(), prediction.Unseen) { Rule = rule };
    }

    /// <summary>A model trained on a catalogue dataset scores a file of that dataset's raw format
    /// (<see cref="TrainedModel.ReadCatalogueRows"/>); the output holds <c>y</c> (the label of the file's target field)
    /// and each sensitive attribute's value, so that <c>fairsharp audit --y-true y --pos-label 1</c> reads it.</summary>
    private static PredictOutcome ScoreRawRows(TrainedModel model, PredictRequest request)
    {
        if (request.Keep.Count > 0 || request.Separator is not null)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, CsvOnlyOption, request.Keep.Count > 0 ? "--keep" : "--separator", request.Model, model.Config.Dataset));
        }

        var rows = model.ReadCatalogueRows(request.Input, request.DataDirectory);
        var prediction = model.Predict(rows.Encoded);
        var threshold = request.Threshold ?? prediction.Threshold;
        var labels = prediction.Labels(threshold);
        string? rule = null;
        if (model.Thresholds is { } thresholds)
        {
            if (request.Threshold is not null)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ThresholdOnPostprocessed, request.Model));
            }

            var outside = Array.IndexOf(rows.Groups, -1);
            if (outside >= 0)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, NoGroup, request.Input, outside + 1, string.Join(",", rows.Sensitive)));
            }

            var seed = request.Seed ?? thresholds.Seed;
            labels = thresholds.Predict(prediction.Scores.Select(s => (double)s).ToArray(), GroupLabels.FromCodes(rows.Groups, rows.GroupNames), seed);
            rule = string.Create(CultureInfo.InvariantCulture, $"per-group thresholds for {thresholds.Constraint.ToName()}, seed {seed}");
        }

        string[] kept = ["y", .. rows.Sensitive];
        var columns = Write(request.Output, kept, (r, c) => c == 0 ? (rows.Labels[r] == 1 ? "1" : "0") : rows.SensitiveValues[c - 1][r], prediction.Scores, labels);
        return new PredictOutcome(rows.Encoded.Count, columns, threshold, labels.Sum(), prediction.Unseen) { Rule = rule };
    }

    // The kept columns (value(row, k) for the k-th), score (the float's exact double) and prediction; atomically.
    private static string[] Write(string output, IReadOnlyList<string> kept, Func<int, int, string> value, float[] scores, int[] labels)
    {
        string[] columns = [.. kept, "score", "prediction"];
        AtomicFile.Write(output, temp =>
        {
            using var writer = new StreamWriter(temp);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var c in columns)
            {
                csv.WriteField(c);
            }

            csv.NextRecord();
            for (var r = 0; r < scores.Length; r++)
            {
                for (var c = 0; c < kept.Count; c++)
                {
                    csv.WriteField(value(r, c));
                }

                csv.WriteField(((double)scores[r]).ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(labels[r] == 1 ? "1" : "0");
                csv.NextRecord();
            }
        });
        return columns;
    }
}
