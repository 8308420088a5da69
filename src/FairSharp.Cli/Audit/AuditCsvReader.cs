using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FairSharp.Cli.Safety;
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
    /// <summary>Most groups an audit computes: every group costs a row of every per-group table and bootstrap.</summary>
    public const int MaxGroups = 10_000;

    public static AuditInput Read(string path, AuditColumns columns, string? encoding = null, long maxBytes = InputFile.DefaultMaxBytes)
    {
        using var text = InputFile.OpenText(path, encoding, maxBytes);
        string[] header = [];
        var recordStart = new long[] { 1 };
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => throw BadQuoting(path, args, header, recordStart[0]),
        };
        using var csv = new CsvReader(text, config);
        try
        {
            return Read(path, columns, csv, h => header = h, recordStart);
        }
        catch (IOException e)
        {
            throw Error(CliErrors.Unreadable, path, InputFile.Reason(e));
        }
        catch (DecoderFallbackException)
        {
            throw Error(CliErrors.InvalidBytes, path, csv.Parser.RawRow, encoding ?? "UTF-8");
        }
        catch (CsvHelperException e) when (e is not BadDataException)
        {
            throw Error(CliErrors.BadCsvLine, path, csv.Parser.RawRow, "malformed CSV");
        }
    }

    // recordStart[0] is set to the line the next record starts on before each read, so that a quoting error inside
    // a record that spans lines names the line it starts on.
    private static AuditInput Read(string path, AuditColumns columns, CsvReader csv, Action<string[]> setHeader, long[] recordStart)
    {
        if (!Next(csv, recordStart) || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrEmpty))
        {
            throw Error(CliErrors.EmptyFile, path);
        }

        setHeader(header);
        int Index(string name)
        {
            var i = Array.IndexOf(header, name);
            if (i < 0)
            {
                throw Error(CliErrors.MissingColumn, path, name, string.Join(", ", header));
            }

            var again = Array.IndexOf(header, name, i + 1);
            return again < 0 ? i : throw Error(CliErrors.DuplicateColumn, path, name, i + 1, again + 1);
        }

        var yTrueAt = Index(columns.YTrue);
        var yPredAt = columns.YPred is null ? -1 : Index(columns.YPred);
        var scoreAt = columns.Score is null ? -1 : Index(columns.Score);
        var weightAt = columns.Weights is null ? -1 : Index(columns.Weights);
        var sensitiveAt = columns.Sensitive.Select(Index).ToArray();
        var intersectional = sensitiveAt.Length > 1;

        var yTrue = new List<int>();
        var scores = new List<double>();
        var weights = new List<double>();
        var sensitive = columns.Sensitive.Select(_ => new List<string>()).ToArray();
        var sawPositive = false;
        while (Next(csv, recordStart))
        {
            var line = csv.Parser.RawRow;
            string Field(int at, string name) =>
                at < csv.Parser.Count ? csv.GetField(at) ?? "" : throw Error(CliErrors.MissingValue, path, line, name);

            var label = Label(Field(yTrueAt, columns.YTrue), path, line, columns.YTrue, columns.PosLabel);
            sawPositive |= label == 1;
            yTrue.Add(label);
            if (scoreAt >= 0)
            {
                var score = Number(Field(scoreAt, columns.Score!), path, line, columns.Score!);
                if (!(score >= 0 && score <= 1))
                {
                    throw Error(CliErrors.ScoreOutOfRange, path, line, columns.Score!, Field(scoreAt, columns.Score!));
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
                    throw Error(CliErrors.InvalidWeight, path, line, columns.Weights!, Field(weightAt, columns.Weights!));
                }

                weights.Add(w);
            }

            for (var c = 0; c < sensitiveAt.Length; c++)
            {
                var value = Field(sensitiveAt[c], columns.Sensitive[c]);
                if (intersectional && value.Contains(GroupLabels.Separator, StringComparison.Ordinal))
                {
                    throw Error(CliErrors.SeparatorInValue, path, line, columns.Sensitive[c], value, GroupLabels.Separator);
                }

                sensitive[c].Add(value);
            }
        }

        if (yTrue.Count == 0)
        {
            throw Error(CliErrors.NoRows, path);
        }

        if (columns.PosLabel is not null && !sawPositive)
        {
            throw Error(CliErrors.PosLabelAbsent, path, columns.PosLabel);
        }

        CheckGroupCount(path, columns.Sensitive, sensitive);
        var groups = GroupLabels.FromColumns(columns.Sensitive, sensitive);
        if (weightAt >= 0)
        {
            CheckGroupWeights(path, columns.Weights!, groups, weights);
        }

        return new AuditInput(yTrue.ToArray(), scores.ToArray(), weights.ToArray(), groups, HasScores: scoreAt >= 0);
    }

    /// <summary>Refuses one group per column and more than <see cref="MaxGroups"/> combinations before any per-group
    /// table is allocated (the product of distinct values is what intersectional groups cost).</summary>
    private static void CheckGroupCount(string path, IReadOnlyList<string> names, List<string>[] sensitive)
    {
        var distinct = new long[sensitive.Length];
        for (var c = 0; c < sensitive.Length; c++)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in sensitive[c])
            {
                if (values.Add(v) && values.Count > MaxGroups)
                {
                    break;
                }
            }

            if (values.Count < 2)
            {
                throw Error(CliErrors.OneGroup, path, names[c], values.First());
            }

            distinct[c] = values.Count;
        }

        var product = distinct.Aggregate(1.0, (a, b) => a * b);
        if (product > MaxGroups)
        {
            var counts = string.Join(" × ", names.Select((n, c) => distinct[c] > MaxGroups ? $"{n} > {MaxGroups}" : $"{n} {distinct[c]}"));
            var total = distinct.Any(d => d > MaxGroups) ? $"more than {MaxGroups}" : product.ToString("0", CultureInfo.InvariantCulture);
            throw Error(CliErrors.TooManyGroups, path, string.Join(',', names), total, counts, MaxGroups);
        }
    }

    private static void CheckGroupWeights(string path, string column, GroupLabels groups, List<double> weights)
    {
        var totals = new double[groups.Count];
        var codes = groups.Codes;
        for (var i = 0; i < weights.Count; i++)
        {
            totals[codes[i]] += weights[i];
        }

        for (var g = 0; g < totals.Length; g++)
        {
            if (totals[g] == 0 && groups.RowCounts[g] > 0)
            {
                throw Error(CliErrors.ZeroWeightGroup, path, column, groups.Names[g], groups.RowCounts[g]);
            }
        }
    }

    private static bool Next(CsvReader csv, long[] recordStart)
    {
        recordStart[0] = csv.Parser.RawRow + 1;
        return csv.Read();
    }

    private static InvalidInputException BadQuoting(string path, BadDataFoundArgs args, string[] header, long line)
    {
        var (field, problem) = CsvQuoting.Locate(args.RawRecord ?? string.Empty);
        var column = field < header.Length && header[field].Length > 0 ? header[field] : (field + 1).ToString(CultureInfo.InvariantCulture);
        return Error(CliErrors.BadCsv, path, line, column, problem);
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

        throw Error(CliErrors.LabelNotBinary, path, line, column, value);
    }

    private static double Number(string value, string path, long line, string column)
    {
        if (value.Length == 0)
        {
            throw Error(CliErrors.MissingValue, path, line, column);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number)
            ? number
            : throw Error(CliErrors.NotANumber, path, line, column, value);
    }

    private static InvalidInputException Error(string format, params object[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));
}
