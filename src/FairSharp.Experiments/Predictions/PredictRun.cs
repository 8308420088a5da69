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
        var preprocessing = model.RequirePreprocessing();
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

        string[] columns = [.. kept, "score", "prediction"];
        var positions = kept.Select(rows.ColumnIndex).ToArray();
        AtomicFile.Write(request.Output, temp =>
        {
            using var writer = new StreamWriter(temp);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var c in columns)
            {
                csv.WriteField(c);
            }

            csv.NextRecord();
            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var c in positions)
                {
                    csv.WriteField(rows.Value(r, c));
                }

                csv.WriteField(((double)prediction.Scores[r]).ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(labels[r] == 1 ? "1" : "0");
                csv.NextRecord();
            }
        });
        return new PredictOutcome(rows.Count, columns, threshold, labels.Sum(), prediction.Unseen) { Rule = rule };
    }
}
