using System.Globalization;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Csv;

/// <summary>
/// A user's CSV as a prepared dataset, the same shape <see cref="DatasetLoader.Prepare"/> gives for a catalogue name:
/// rows with a missing target or sensitive value dropped (counted), groups = the combinations of the sensitive columns'
/// values, a seeded split stratified by (group, label) or the user's own three files, and the preprocessing
/// (<see cref="TabularPreprocessing"/>) fitted on the training split only. The sensitive columns are not inputs.
/// </summary>
public static class TabularSource
{
    /// <summary>Most categories one column may have; more is almost always an id or free text.</summary>
    public const int MaxCategories = 10_000;

    /// <summary>Reads, checks, splits and encodes the data of <paramref name="options"/>.</summary>
    /// <exception cref="InvalidInputException">Bad options, a missing or malformed file, a missing column, a target
    /// that is not binary, a sensitive column with one value, a group without rows in a split, an all-missing column,
    /// a numeric column with text, or a column with more than <see cref="MaxCategories"/> categories.</exception>
    public static PreparedDataset FromCsv(CsvDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var rows = TabularRows.ReadCsv(options.Files, options.Separator);
        var file = rows.Files[0];
        var missing = options.MissingValues;
        var target = rows.TextColumn(options.Target);
        var sensitive = options.Sensitive.Select(rows.TextColumn).ToArray();
        foreach (var name in options.Drop.Concat(options.Categorical).Concat(options.Numeric).Concat(options.Features ?? []))
        {
            rows.Column(name);
        }

        var targetMissing = target.MissingCodes(missing);
        var sensitiveMissing = sensitive.Select(s => s.MissingCodes(missing)).ToArray();
        var kept = Enumerable.Range(0, rows.Count)
            .Where(r => !targetMissing[target[r]] && sensitive.Select((s, k) => !sensitiveMissing[k][s[r]]).All(ok => ok))
            .ToArray();
        if (kept.Length == 0)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.NoCompleteRows, file, options.Target, string.Join(",", options.Sensitive)));
        }

        var targetEncoding = Target(target, kept, options.Positive, file);
        var positive = target.Values.Select(v => string.Equals(v, targetEncoding.Positive, StringComparison.Ordinal)).ToArray();
        var labels = kept.Select(r => positive[target[r]] ? 1 : 0).ToArray();
        var (groups, groupNames) = Groups(sensitive, kept, file);

        var (train, validation, test) = Split(options, rows, kept, labels, groups);
        var inputs = (options.Features ?? rows.Header.Where(h =>
                !string.Equals(h, options.Target, StringComparison.Ordinal) && !options.Sensitive.Contains(h, StringComparer.Ordinal)
                && !options.Drop.Contains(h, StringComparer.Ordinal)))
            .Select(rows.Column).ToArray();
        var trainRows = train.Select(i => kept[i]).ToArray();
        var numeric = new List<NumericFeature>();
        var categorical = new List<CategoricalFeature>();
        foreach (var input in inputs)
        {
            var column = input;
            var isMissing = column.MissingCodes(missing);
            if (column.AllMissing(isMissing))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.AllMissing, file, column.Name));
            }

            if (IsNumeric(rows, column, isMissing, options))
            {
                numeric.Add(FitNumeric(column, isMissing, trainRows, file));
            }
            else
            {
                if (column.IsNumbers)
                {
                    column = rows.TextColumn(column.Name);
                    isMissing = column.MissingCodes(missing);
                }

                categorical.Add(FitCategorical(column, isMissing, trainRows, file));
            }
        }

        var names = numeric.Select(n => n.Name)
            .Concat(categorical.SelectMany(c => c.Categories.Select(v => $"{c.Name}_{v}"))).ToArray();
        var preprocessing = new TabularPreprocessing(TabularPreprocessing.CurrentFormat, options, rows.Sha256.ToArray(),
            rows.Separator.ToString(), targetEncoding, groupNames, numeric, categorical, names, missing, rows.Count - kept.Length);

        var encoded = preprocessing.Transform(rows, new[] { train, validation, test }.Select(part => part.Select(i => kept[i]).ToArray()).ToArray());
        DataSplit Make(string name, int[] part, EncodedRows x) =>
            new(name, x.Features, [x.Width], part.Select(i => labels[i]).ToArray(), part.Select(i => groups[i]).ToArray());

        var dataset = Path.GetFileName(file);
        var result = new PreparedDataset(dataset, "csv", options.Sensitive.ToArray(), groupNames, names,
            Make("train", train, encoded[0]), Make("validation", validation, encoded[1]), Make("test", test, encoded[2]), DataSha256(rows), options.Seed)
        {
            Preprocessing = preprocessing,
        };
        GroupEncoding.RequireEveryGroup(result.Train, groupNames, dataset);
        GroupEncoding.RequireEveryGroup(result.Validation, groupNames, dataset);
        GroupEncoding.RequireEveryGroup(result.Test, groupNames, dataset);
        return result;
    }

    /// <summary>The data hash <see cref="FromCsv"/> records (<see cref="PreparedDataset.DataSha256"/>) for the files of
    /// <paramref name="options"/>, without parsing them: the file's sha256, or for three files the sha256 of their
    /// "sha256  name" lines. A sweep keys its trials and its workers' data cache on it.</summary>
    /// <exception cref="InvalidInputException">A file that does not exist.</exception>
    public static string DataSha256(CsvDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hashes = new List<string>();
        foreach (var path in options.Files)
        {
            if (!File.Exists(path))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.CsvNotFound, path));
            }

            using var stream = File.OpenRead(path);
            hashes.Add(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)));
        }

        return DataSha256(hashes, options.Files);
    }

    private static string DataSha256(TabularRows rows) => DataSha256(rows.Sha256, rows.Files);

    private static string DataSha256(IReadOnlyList<string> hashes, IReadOnlyList<string> files) =>
        hashes.Count == 1
            ? hashes[0]
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                string.Concat(hashes.Select((s, i) => $"{s}  {Path.GetFileName(files[i])}\n")))));

    private static TargetEncoding Target(CsvColumn target, int[] kept, string? positive, string file)
    {
        var present = new bool[target.Values.Count];
        foreach (var r in kept)
        {
            present[target[r]] = true;
        }

        var values = FeatureEncoder.SortCategories(target.Values.Where((_, code) => present[code]));
        var list = string.Join(", ", values.Take(5).Select(v => $"'{v}'")) + (values.Length > 5 ? ", …" : string.Empty);
        if (positive is not null)
        {
            return values.Contains(positive, StringComparer.Ordinal)
                ? new TargetEncoding(target.Name, positive, values)
                : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.PositiveNotFound, file, positive, target.Name, list));
        }

        if (values.Length != 2)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.TargetNotBinary, file, target.Name, values.Length, list));
        }

        var positives = values.Where(v => v.ToLowerInvariant() is "1" or "true" or "yes").ToArray();
        return positives.Length == 1
            ? new TargetEncoding(target.Name, positives[0], values)
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.PositiveUnknown, file, target.Name, list));
    }

    /// <summary>Group index of every kept row: the combinations of the sensitive columns' values that occur, in sorted
    /// order (first column slowest), named <c>col=value,col2=value2</c>.</summary>
    private static (int[] Groups, string[] Names) Groups(CsvColumn[] sensitive, int[] kept, string file)
    {
        var rank = new int[sensitive.Length][];
        var sorted = new string[sensitive.Length][];
        for (var k = 0; k < sensitive.Length; k++)
        {
            var column = sensitive[k];
            var present = new bool[column.Values.Count];
            foreach (var r in kept)
            {
                present[column[r]] = true;
            }

            sorted[k] = FeatureEncoder.SortCategories(column.Values.Where((_, code) => present[code]));
            if (sorted[k].Length < 2)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.SingleGroup, file, column.Name, sorted[k][0]));
            }

            var position = sorted[k].Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
            rank[k] = column.Values.Select(v => position.GetValueOrDefault(v, -1)).ToArray();
        }

        var keys = new long[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            long key = 0;
            for (var k = 0; k < sensitive.Length; k++)
            {
                key = (key * sorted[k].Length) + rank[k][sensitive[k][kept[i]]];
            }

            keys[i] = key;
        }

        var distinct = keys.Distinct().Order().ToArray();
        var index = distinct.Select((key, g) => (key, g)).ToDictionary(p => p.key, p => p.g);
        var names = distinct.Select(key =>
        {
            var parts = new (string Column, string Value)[sensitive.Length];
            for (var k = sensitive.Length - 1; k >= 0; k--)
            {
                parts[k] = (sensitive[k].Name, sorted[k][key % sorted[k].Length]);
                key /= sorted[k].Length;
            }

            return TabularPreprocessing.GroupName(parts);
        }).ToArray();
        return (keys.Select(key => index[key]).ToArray(), names);
    }

    private static (int[] Train, int[] Validation, int[] Test) Split(CsvDataOptions options, TabularRows rows, int[] kept, int[] labels, int[] groups)
    {
        if (!options.HasOwnSplit)
        {
            var strata = groups.Select((g, i) => GroupLabelCell.Index(g, labels[i])).ToArray();
            return Splitter.Stratified(strata, (options.TrainFraction, options.ValidationFraction, options.TestFraction), options.Seed);
        }

        var starts = rows.FileStarts;
        int[] Part(int file) => Enumerable.Range(0, kept.Length).Where(i => kept[i] >= starts[file] && kept[i] < starts[file + 1]).ToArray();
        return (Part(0), Part(1), Part(2));
    }

    private static bool IsNumeric(TabularRows rows, CsvColumn column, bool[] isMissing, CsvDataOptions options)
    {
        if (options.Categorical.Contains(column.Name, StringComparer.Ordinal))
        {
            return false;
        }

        var declared = options.Numeric.Contains(column.Name, StringComparer.Ordinal);
        var parsed = column.Numbers().Parsed;
        for (var code = 0; code < column.Values.Count; code++)
        {
            if (!isMissing[code] && !parsed[code])
            {
                return declared ? throw rows.Error(DataErrors.NotANumber, column.FirstRow(code), column.Name, column.Values[code]) : false;
            }
        }

        return true;
    }

    /// <summary>Median of the training split's non-missing values (NumPy's: the mean of the two middle values for an
    /// even count), then mean and population standard deviation after imputing it.</summary>
    private static NumericFeature FitNumeric(CsvColumn column, bool[] isMissing, int[] trainRows, string file)
    {
        if (!column.IsNumbers)
        {
            return Fit(column.Name, column.Numbers().Numbers, isMissing, trainRows.Select(r => column[r]).ToArray(), file);
        }

        // A numbers column: code its distinct values in order of first appearance, as a texts column codes its
        // distinct texts, so the sums below add the same terms in the same order (only two spellings of one number,
        // such as 1 and 1.0, which a texts column keeps apart, are one value here).
        var textNumbers = column.Numbers().Numbers;
        var codeOfText = new int[textNumbers.Length];
        Array.Fill(codeOfText, -1);
        var codeOfNumber = new Dictionary<long, int>();
        var values = new List<double>();
        var missingValue = new List<bool>();
        var codes = new int[column.Count];
        for (var r = 0; r < codes.Length; r++)
        {
            var text = column[r];
            if (text >= 0)
            {
                if (codeOfText[text] < 0)
                {
                    codeOfText[text] = values.Count;
                    values.Add(textNumbers[text]);
                    missingValue.Add(isMissing[text]);
                }

                codes[r] = codeOfText[text];
            }
            else
            {
                var number = column.Number(r);
                ref var code = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(codeOfNumber, BitConverter.DoubleToInt64Bits(number), out var seen);
                if (!seen)
                {
                    code = values.Count;
                    values.Add(number);
                    missingValue.Add(false);
                }

                codes[r] = code;
            }
        }

        return Fit(column.Name, values.ToArray(), missingValue.ToArray(), trainRows.Select(r => codes[r]).ToArray(), file);
    }

    // values, isMissing: by code; trainCodes: the code of every training row.
    private static NumericFeature Fit(string name, double[] values, bool[] isMissing, int[] trainCodes, string file)
    {
        var counts = new long[values.Length];
        foreach (var code in trainCodes)
        {
            counts[code]++;
        }

        var present = Enumerable.Range(0, values.Length).Where(c => !isMissing[c] && counts[c] > 0).OrderBy(c => values[c]).ToArray();
        var n = present.Sum(c => counts[c]);
        if (n == 0)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.AllMissingInTrain, file, name));
        }

        double At(long position)
        {
            long seen = 0;
            foreach (var c in present)
            {
                seen += counts[c];
                if (position < seen)
                {
                    return values[c];
                }
            }

            return values[present[^1]];
        }

        var median = n % 2 == 1 ? At(n / 2) : (At((n / 2) - 1) + At(n / 2)) / 2;
        double sum = 0;
        for (var c = 0; c < values.Length; c++)
        {
            sum += counts[c] * (isMissing[c] ? median : values[c]);
        }

        var mean = sum / trainCodes.Length;
        double squares = 0;
        for (var c = 0; c < values.Length; c++)
        {
            var d = (isMissing[c] ? median : values[c]) - mean;
            squares += counts[c] * d * d;
        }

        var sd = Math.Sqrt(squares / trainCodes.Length);
        return new NumericFeature(name, median, mean, sd > 0 ? sd : 1);
    }

    private static CategoricalFeature FitCategorical(CsvColumn column, bool[] isMissing, int[] trainRows, string file)
    {
        var distinct = isMissing.Count(m => !m);
        if (distinct > MaxCategories)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.TooManyCategories, file, column.Name, distinct, MaxCategories));
        }

        var seen = new bool[column.Values.Count];
        foreach (var r in trainRows)
        {
            seen[column[r]] = true;
        }

        var categories = FeatureEncoder.SortCategories(column.Values.Where((_, code) => seen[code] && !isMissing[code]));
        return new CategoricalFeature(column.Name, seen.Where((s, code) => s && isMissing[code]).Any()
            ? [.. categories, TabularPreprocessing.MissingCategory]
            : categories);
    }
}
