using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FairSharp.Metrics;

namespace FairSharp.Cli.Audit;

/// <summary>What to read from the CSV: column names and how labels are interpreted.</summary>
/// <param name="YTrue">Label column.</param>
/// <param name="YPred">Hard prediction column, or null.</param>
/// <param name="Score">Score column, or null.</param>
/// <param name="Sensitive">Sensitive columns (several = intersectional groups).</param>
/// <param name="Weights">Weight column, or null.</param>
/// <param name="PosLabel">The positive class's value; null = labels must be 0 or 1.</param>
internal sealed record AuditColumns(string YTrue, string? YPred, string? Score, IReadOnlyList<string> Sensitive, string? Weights, string? PosLabel);

/// <summary>Reads and validates an audit CSV with CsvHelper; every problem is one line naming file, line, column and value.</summary>
internal static class AuditCsvReader
{
    public static AuditInput Read(string path, AuditColumns columns)
    {
        if (!File.Exists(path))
        {
            throw Error(AuditErrors.FileNotFound, path);
        }

        using var reader = new StreamReader(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrEmpty))
        {
            throw Error(AuditErrors.EmptyFile, path);
        }

        int Index(string name)
        {
            var i = Array.IndexOf(header, name);
            return i >= 0 ? i : throw Error(AuditErrors.MissingColumn, path, name, string.Join(", ", header));
        }

        var yTrueAt = Index(columns.YTrue);
        var yPredAt = columns.YPred is null ? -1 : Index(columns.YPred);
        var scoreAt = columns.Score is null ? -1 : Index(columns.Score);
        var weightAt = columns.Weights is null ? -1 : Index(columns.Weights);
        var sensitiveAt = columns.Sensitive.Select(Index).ToArray();

        var yTrue = new List<int>();
        var scores = new List<double>();
        var weights = new List<double>();
        var sensitive = columns.Sensitive.Select(_ => new List<string>()).ToArray();
        var sawPositive = false;
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(int at, string name) =>
                at < csv.Parser.Count ? csv.GetField(at) ?? "" : throw Error(AuditErrors.MissingValue, path, line, name);

            var label = Label(Field(yTrueAt, columns.YTrue), path, line, columns.YTrue, columns.PosLabel);
            sawPositive |= label == 1;
            yTrue.Add(label);
            if (scoreAt >= 0)
            {
                var score = Number(Field(scoreAt, columns.Score!), path, line, columns.Score!);
                if (!(score >= 0 && score <= 1))
                {
                    throw Error(AuditErrors.ScoreOutOfRange, path, line, columns.Score!, Field(scoreAt, columns.Score!));
                }

                scores.Add(score);
            }
            else
            {
                scores.Add(Label(Field(yPredAt, columns.YPred!), path, line, columns.YPred!, columns.PosLabel));
            }

            if (weightAt >= 0)
            {
                var w = Number(Field(weightAt, columns.Weights!), path, line, columns.Weights!);
                if (!(w >= 0) || double.IsInfinity(w))
                {
                    throw Error(AuditErrors.InvalidWeight, path, line, columns.Weights!, Field(weightAt, columns.Weights!));
                }

                weights.Add(w);
            }

            for (var c = 0; c < sensitiveAt.Length; c++)
            {
                sensitive[c].Add(Field(sensitiveAt[c], columns.Sensitive[c]));
            }
        }

        if (yTrue.Count == 0)
        {
            throw Error(AuditErrors.NoRows, path);
        }

        if (columns.PosLabel is not null && !sawPositive)
        {
            throw Error(AuditErrors.PosLabelAbsent, path, columns.PosLabel);
        }

        for (var c = 0; c < sensitive.Length; c++)
        {
            var distinct = sensitive[c].Distinct(StringComparer.Ordinal).Take(2).ToArray();
            if (distinct.Length < 2)
            {
                throw Error(AuditErrors.OneGroup, path, columns.Sensitive[c], distinct[0]);
            }
        }

        var groups = GroupLabels.FromColumns(columns.Sensitive, sensitive);
        return new AuditInput(yTrue.ToArray(), scores.ToArray(), weights.ToArray(), groups, HasScores: scoreAt >= 0);
    }

    private static int Label(string value, string path, long line, string column, string? posLabel)
    {
        if (posLabel is not null)
        {
            return string.Equals(value, posLabel, StringComparison.Ordinal) ? 1 : 0;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is 0 or 1)
        {
            return (int)number;
        }

        throw Error(AuditErrors.LabelNotBinary, path, line, column, value);
    }

    private static double Number(string value, string path, long line, string column)
    {
        if (value.Length == 0)
        {
            throw Error(AuditErrors.MissingValue, path, line, column);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number)
            ? number
            : throw Error(AuditErrors.NotANumber, path, line, column, value);
    }

    private static InvalidInputException Error(string format, params object[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));
}
