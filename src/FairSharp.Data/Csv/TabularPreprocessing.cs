using System.Globalization;

namespace FairSharp.Data.Csv;

/// <summary>
/// The fitted preprocessing of a tabular model (<c>preprocessing.json</c> in its folder): enough to encode new rows
/// exactly as the training rows were encoded, without the training data. Inputs are the numeric columns (missing
/// values imputed with the training median, then standardised: (x − mean) / scale with the training mean and
/// population standard deviation; a constant column keeps scale 1) followed by the one-hot columns (categories seen in
/// the training split; a missing value is its own category <see cref="MissingCategory"/>; an unseen category gives an
/// all-zero row), as scikit-learn's <c>ColumnTransformer</c> with <c>SimpleImputer(strategy="median")</c>,
/// <c>StandardScaler</c> and <c>OneHotEncoder(handle_unknown="ignore")</c> fitted on the training split.
/// </summary>
/// <param name="Format">File format tag (<see cref="CurrentFormat"/>).</param>
/// <param name="Source">The options that read and split the data (rebuilds it for <c>rationale</c> and <c>stitch</c>).</param>
/// <param name="FileSha256">sha256 of each data file, in <see cref="CsvDataOptions.Files"/> order.</param>
/// <param name="Separator">The field separator used (given or detected).</param>
/// <param name="Target">Target column and the value that means y = 1.</param>
/// <param name="GroupNames">Group display names (<c>col=value[,col2=value2]</c>), index = group.</param>
/// <param name="Numeric">Numeric inputs in input order.</param>
/// <param name="Categorical">Categorical inputs in input order (after the numeric ones).</param>
/// <param name="FeatureNames">Names of the encoded columns: numeric names, then <c>column_category</c>.</param>
/// <param name="MissingValues">Texts read as missing.</param>
/// <param name="DroppedRows">Rows dropped for a missing target or sensitive value.</param>
public sealed record TabularPreprocessing(
    string Format,
    CsvDataOptions Source,
    IReadOnlyList<string> FileSha256,
    string Separator,
    TargetEncoding Target,
    IReadOnlyList<string> GroupNames,
    IReadOnlyList<NumericFeature> Numeric,
    IReadOnlyList<CategoricalFeature> Categorical,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> MissingValues,
    int DroppedRows)
{
    /// <summary>The format tag this version writes.</summary>
    public const string CurrentFormat = "fairsharp-preprocessing/1";

    /// <summary>The category a missing categorical value becomes.</summary>
    public const string MissingCategory = "(missing)";

    /// <summary>The input columns the encoding reads, numeric first.</summary>
    public IEnumerable<string> InputColumns => Numeric.Select(n => n.Name).Concat(Categorical.Select(c => c.Name));

    /// <summary>Encodes every row of <paramref name="rows"/> (columns matched by name; extra columns ignored).</summary>
    /// <exception cref="InvalidInputException">A missing input column, or text in a numeric column (file, line, column, value).</exception>
    public EncodedRows Transform(TabularRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Transform(rows, Enumerable.Range(0, rows.Count).ToArray());
    }

    /// <summary>The group of every row of <paramref name="rows"/> as an index into <see cref="GroupNames"/>, from its
    /// sensitive columns (<see cref="CsvDataOptions.Sensitive"/>) named as in training (<see cref="GroupName"/>).</summary>
    /// <exception cref="InvalidInputException">A sensitive column is missing, or a row's values form no group of the
    /// training data (file, line, column, value).</exception>
    public int[] GroupCodes(TabularRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = Source.Sensitive.Select(rows.TextColumn).ToArray();
        var index = GroupNames.Select((name, g) => (name, g)).ToDictionary(p => p.name, p => p.g, StringComparer.Ordinal);
        var codes = new int[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var name = GroupName(columns.Select(c => (c.Name, c.Value(r))));
            if (!index.TryGetValue(name, out codes[r]))
            {
                throw rows.Error(DataErrors.UnknownGroup, r, string.Join(",", Source.Sensitive), name);
            }
        }

        return codes;
    }

    /// <summary>A group's name from its (sensitive column, value) pairs: <c>col=value[,col2=value2]</c>.</summary>
    internal static string GroupName(IEnumerable<(string Column, string Value)> parts) =>
        string.Join(",", parts.Select(p => $"{p.Column}={p.Value}"));

    internal EncodedRows Transform(TabularRows rows, int[] selected) => Transform(rows, [selected])[0];

    /// <summary>Encodes several selections of <paramref name="rows"/> (e.g. the three splits); each distinct value of
    /// a column is parsed and looked up once for all of them.</summary>
    internal EncodedRows[] Transform(TabularRows rows, IReadOnlyList<int[]> parts)
    {
        var missing = MissingValues;
        var numericLookups = Numeric.Select(n => NumericLookup(rows, n, missing)).ToArray();
        var numericColumns = Numeric.Select(n => rows.Column(n.Name)).ToArray();
        var categoricalColumns = Categorical.Select(c => rows.TextColumn(c.Name)).ToArray();
        var offset = Numeric.Count;
        var categoricalLookups = new int[Categorical.Count][];
        for (var c = 0; c < Categorical.Count; c++)
        {
            categoricalLookups[c] = CategoryLookup(categoricalColumns[c], Categorical[c], offset, missing);
            offset += Categorical[c].Categories.Count;
        }

        return parts.Select(selected => Encode(selected, numericColumns, numericLookups, categoricalColumns, categoricalLookups)).ToArray();
    }

    private EncodedRows Encode(int[] selected, CsvColumn[] numericColumns, float[][] numericLookups, CsvColumn[] categoricalColumns, int[][] categoricalLookups)
    {
        var width = FeatureNames.Count;
        var x = Tabular.LargeFloats.Zeroed((long)selected.Length * width);
        var unseen = new int[Categorical.Count];
        // Visit the rows in file order (a split's rows are shuffled): the columns are then read front to back, not at
        // random, which on a million rows is most of the encoding's time. Each value lands at its own row either way,
        // so the blocks of rows run in parallel and give the same matrix.
        var sources = (int[])selected.Clone();
        var positions = Enumerable.Range(0, selected.Length).ToArray();
        Array.Sort(sources, positions);
        const int block = 1 << 15;
        Parallel.For(0, (sources.Length + block - 1) / block, b =>
        {
            var blockUnseen = new int[unseen.Length];
            for (var k = b * block; k < Math.Min(sources.Length, (b + 1) * block); k++)
            {
                var r = sources[k];
                var row = (long)positions[k] * width;
                for (var c = 0; c < numericColumns.Length; c++)
                {
                    var column = numericColumns[c];
                    var code = column[r];
                    x[row + c] = code >= 0 ? numericLookups[c][code] : Standardise(column.Number(r), Numeric[c]);
                }

                for (var c = 0; c < categoricalColumns.Length; c++)
                {
                    var at = categoricalLookups[c][categoricalColumns[c][r]];
                    if (at >= 0)
                    {
                        x[row + at] = 1f;
                    }
                    else
                    {
                        blockUnseen[c]++;
                    }
                }
            }

            for (var c = 0; c < unseen.Length; c++)
            {
                Interlocked.Add(ref unseen[c], blockUnseen[c]);
            }
        });

        var unseenByColumn = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < unseen.Length; c++)
        {
            if (unseen[c] > 0)
            {
                unseenByColumn[Categorical[c].Name] = unseen[c];
            }
        }

        return new EncodedRows(x, selected.Length, width, unseenByColumn);
    }

    /// <summary>The encoded value of every distinct text of a numeric column; text that is not a number is an error
    /// naming the first row that holds it.</summary>
    private static float[] NumericLookup(TabularRows rows, NumericFeature feature, IReadOnlyList<string> missing)
    {
        var column = rows.Column(feature.Name);
        var lookup = new float[column.Values.Count];
        var isMissing = column.MissingCodes(missing);
        var (numbers, parsed) = column.Numbers();
        for (var code = 0; code < lookup.Length; code++)
        {
            double value;
            if (isMissing[code])
            {
                value = feature.Median;
            }
            else if (!parsed[code])
            {
                throw rows.Error(DataErrors.NotANumber, column.FirstRow(code), feature.Name, column.Values[code]);
            }
            else
            {
                value = numbers[code];
            }

            lookup[code] = Standardise(value, feature);
        }

        return lookup;
    }

    private static float Standardise(double value, NumericFeature feature) =>
        Tabular.Standardisation.Apply(value, feature.Mean, feature.Scale, Tabular.Standardisation.Rounding.Once);

    /// <summary>The one-hot position of every distinct text of a categorical column, −1 for an unseen category.</summary>
    private static int[] CategoryLookup(CsvColumn column, CategoricalFeature feature, int offset, IReadOnlyList<string> missing)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < feature.Categories.Count; k++)
        {
            positions[feature.Categories[k]] = offset + k;
        }

        return column.Values
            .Select(v => positions.TryGetValue(missing.Contains(v, StringComparer.Ordinal) ? MissingCategory : v, out var at) ? at : -1)
            .ToArray();
    }
}
