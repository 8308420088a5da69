using System.Globalization;
using CsvHelper;
using FairSharp.Data.Csv;
using FairSharp.Training.Checkpoints;

namespace FairSharp.Experiments.Predictions;

/// <summary>
/// <c>fairsharp predict</c>: loads a model folder (<see cref="TrainedModel.Load"/>), reads the rows, applies the saved
/// preprocessing and the network, and writes the kept columns with <c>score</c> (P(y = 1 | x), written as the exact
/// double of the float the network gives, so <c>fairsharp audit</c> reproduces the training run's metrics) and
/// <c>prediction</c> (score &gt;= threshold). The file is written atomically: an error leaves nothing.
/// </summary>
public static class PredictRun
{
    /// <summary>Error text: a threshold outside [0, 1] (format: value).</summary>
    public const string BadThreshold = "--threshold must be in [0, 1], got {0}";

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

        var prediction = model.Predict(rows);
        var threshold = request.Threshold ?? prediction.Threshold;
        var labels = prediction.Labels(threshold);
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
        return new PredictOutcome(rows.Count, columns, threshold, labels.Sum(), prediction.Unseen);
    }
}
