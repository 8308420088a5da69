namespace FairSharp.Data.Tabular;

/// <summary>
/// Standardised numeric columns followed by one-hot categorical columns. Categories are fitted on all rows given
/// (<c>pd.get_dummies</c> on the full frame), means and standard deviations on the training rows only
/// (<c>StandardScaler</c>: population standard deviation; a zero deviation leaves the column unscaled).
/// The arithmetic is FFB's, bit for bit (conformance comparison a): FFB casts the numeric columns to float32 before
/// the split, <c>StandardScaler</c> fits mean and deviation of those float32 values in float64, and its in-place
/// transform rounds twice, x′ = float32(float32(x − μ) / σ). One rounding of (x − μ) / σ differed from it by one
/// ulp in 12 % of Adult's standardised values.
/// </summary>
internal sealed class FeatureEncoder
{
    private readonly InputColumn[] _numeric;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly InputColumn[] _categorical;
    private readonly Dictionary<string, int>[] _categoryOffset;

    private FeatureEncoder(InputColumn[] numeric, double[] mean, double[] scale, InputColumn[] categorical, Dictionary<string, int>[] offsets, string[] names)
    {
        _numeric = numeric;
        _mean = mean;
        _scale = scale;
        _categorical = categorical;
        _categoryOffset = offsets;
        Names = names;
    }

    /// <summary>Output column names: the numeric names, then <c>column_category</c>.</summary>
    public string[] Names { get; }

    /// <summary>Output width.</summary>
    public int Width => Names.Length;

    public static FeatureEncoder Fit(InputColumn[] numeric, InputColumn[] categorical, int[] allRows, int[] trainRows)
    {
        var names = new List<string>(numeric.Select(c => c.Name));
        var mean = new double[numeric.Length];
        var scale = new double[numeric.Length];
        for (var c = 0; c < numeric.Length; c++)
        {
            var v = numeric[c].Numeric!;
            double sum = 0;
            foreach (var r in trainRows)
            {
                sum += (float)v[r];
            }

            var m = sum / trainRows.Length;
            double ss = 0;
            foreach (var r in trainRows)
            {
                var d = (float)v[r] - m;
                ss += d * d;
            }

            var sd = Math.Sqrt(ss / trainRows.Length);
            mean[c] = m;
            scale[c] = sd > 0 ? sd : 1;
        }

        var offset = numeric.Length;
        var offsets = new Dictionary<string, int>[categorical.Length];
        for (var c = 0; c < categorical.Length; c++)
        {
            var v = categorical[c].Categorical!;
            var categories = SortCategories(allRows.Select(r => v[r]).Distinct(StringComparer.Ordinal));
            offsets[c] = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var category in categories)
            {
                offsets[c][category] = offset++;
                names.Add($"{categorical[c].Name}_{category}");
            }
        }

        return new FeatureEncoder(numeric, mean, scale, categorical, offsets, names.ToArray());
    }

    /// <summary>The fitted encoder as data (what an ONNX graph of a catalogue model needs).</summary>
    public Catalogue.CatalogueEncoding Describe(string dataset, string dataSha256) => new(
        dataset,
        _numeric.Select((c, i) => new Catalogue.StandardisedColumn(c.Name, _mean[i], _scale[i])).ToArray(),
        _categorical.Select((c, i) => new Csv.CategoricalFeature(c.Name, _categoryOffset[i].OrderBy(p => p.Value).Select(p => p.Key).ToArray())).ToArray(),
        Names,
        dataSha256);

    /// <summary>Categories in pandas' order: by value when every category is a number (codes such as ACS's
    /// <c>Education</c>), else ordinal string order.</summary>
    internal static string[] SortCategories(IEnumerable<string> categories)
    {
        var distinct = categories.ToArray();
        var numbers = new double[distinct.Length];
        var numeric = true;
        for (var i = 0; i < distinct.Length && numeric; i++)
        {
            numeric = double.TryParse(distinct[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out numbers[i]);
        }

        return numeric
            ? distinct.Zip(numbers).OrderBy(p => p.Second).ThenBy(p => p.First, StringComparer.Ordinal).Select(p => p.First).ToArray()
            : distinct.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>FFB's (scikit-learn's on a float32 frame) standardisation: float32(float32(float32(x) − μ) / σ).</summary>
    internal static float Standardise(double value, double mean, double scale) =>
        Standardisation.Apply(value, mean, scale, Standardisation.Rounding.Float32Steps);

    /// <summary>Row-major float features of other rows of the same columns (e.g. a user's file in the dataset's raw
    /// format), matched by name: a category the fitted rows never had is an all-zero one-hot row, counted by column.</summary>
    public float[] Transform(IReadOnlyList<InputColumn> columns, int count, SortedDictionary<string, int> unseen)
    {
        InputColumn Find(string name) => columns.First(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        var numeric = _numeric.Select(c => Find(c.Name).Numeric!).ToArray();
        var categorical = _categorical.Select(c => Find(c.Name).Categorical!).ToArray();
        var width = Width;
        var x = LargeFloats.Zeroed((long)count * width);
        for (var r = 0; r < count; r++)
        {
            var baseIndex = (long)r * width;
            for (var c = 0; c < numeric.Length; c++)
            {
                x[baseIndex + c] = Standardise(numeric[c][r], _mean[c], _scale[c]);
            }

            for (var c = 0; c < categorical.Length; c++)
            {
                if (_categoryOffset[c].TryGetValue(categorical[c][r], out var at))
                {
                    x[baseIndex + at] = 1f;
                }
                else
                {
                    unseen[_categorical[c].Name] = unseen.GetValueOrDefault(_categorical[c].Name) + 1;
                }
            }
        }

        return x;
    }

    /// <summary>Row-major float features of <paramref name="rows"/>.</summary>
    public float[] Transform(int[] rows)
    {
        var width = Width;
        var x = LargeFloats.Zeroed((long)rows.Length * width);
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            var baseIndex = (long)i * width;
            for (var c = 0; c < _numeric.Length; c++)
            {
                x[baseIndex + c] = Standardise(_numeric[c].Numeric![r], _mean[c], _scale[c]);
            }

            for (var c = 0; c < _categorical.Length; c++)
            {
                x[baseIndex + _categoryOffset[c][_categorical[c].Categorical![r]]] = 1f;
            }
        }

        return x;
    }
}
