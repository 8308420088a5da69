using System.Globalization;

namespace FairSharp.Data.Csv;

/// <summary>
/// A user's table as a fairness dataset (<c>--data</c>): which file(s), which column is the target, which columns are
/// sensitive, which are inputs, and how to split. Defaults follow scikit-learn's <c>ColumnTransformer</c> habits and
/// fairlearn's "any frame" use: every other column is an input, types are inferred, a seeded split stratified by
/// (group, label), 60/20/20.
/// </summary>
/// <param name="Target">Name of the binary target column.</param>
/// <param name="Sensitive">Sensitive columns (one or more; several give intersectional groups); any number of values each.</param>
public sealed record CsvDataOptions(string Target, IReadOnlyList<string> Sensitive)
{
    /// <summary>The values read as missing when no list is given: pandas' common markers and Adult's <c>?</c>.</summary>
    public static IReadOnlyList<string> DefaultMissingValues { get; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "?"];

    /// <summary>The file to split (<c>--data</c>); null when <see cref="TrainFile"/>, <see cref="ValidationFile"/> and
    /// <see cref="TestFile"/> are given instead.</summary>
    public string? DataFile { get; init; }

    /// <summary>The user's own training file (<c>--train</c>), with <see cref="ValidationFile"/> and <see cref="TestFile"/>.</summary>
    public string? TrainFile { get; init; }

    /// <summary>The user's own validation file (<c>--valid</c>).</summary>
    public string? ValidationFile { get; init; }

    /// <summary>The user's own test file (<c>--test</c>).</summary>
    public string? TestFile { get; init; }

    /// <summary>The target value that means y = 1 (<c>--positive</c>); null = the target must have exactly two values
    /// and one of them is <c>1</c>, <c>true</c> or <c>yes</c> (any case).</summary>
    public string? Positive { get; init; }

    /// <summary>Input columns (<c>--features</c>); null = every column but the target, the sensitive ones and <see cref="Drop"/>.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Columns left out of the inputs (<c>--drop</c>), e.g. an id or a column that leaks the target.</summary>
    public IReadOnlyList<string> Drop { get; init; } = [];

    /// <summary>Columns one-hot encoded even when every value is a number (<c>--categorical</c>): integer codes.</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>Columns that must be numbers (<c>--numeric</c>): any other text is an error naming line and value.</summary>
    public IReadOnlyList<string> Numeric { get; init; } = [];

    /// <summary>Field separator; null = detected from the header line (comma, semicolon or tab).</summary>
    public char? Separator { get; init; }

    /// <summary>Values read as missing (compared after trimming spaces); default <see cref="DefaultMissingValues"/>.</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = DefaultMissingValues;

    /// <summary>Train fraction of <see cref="DataFile"/> (default 0.6).</summary>
    public double TrainFraction { get; init; } = 0.6;

    /// <summary>Validation fraction of <see cref="DataFile"/> (default 0.2).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Test fraction of <see cref="DataFile"/> (default 0.2).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of the split (default 0); same seed, same split.</summary>
    public int Seed { get; init; }

    /// <summary>The files read, in order: <see cref="DataFile"/>, or train, validation and test.</summary>
    public IReadOnlyList<string> Files => DataFile is not null ? [DataFile] : [TrainFile!, ValidationFile!, TestFile!];

    /// <summary>True when the split is the user's own three files.</summary>
    public bool HasOwnSplit => DataFile is null;

    /// <summary>Checks the fields; throws on the first problem (before any file is read).</summary>
    /// <exception cref="InvalidInputException">No or too many data files, no target or sensitive column, a column named
    /// in two roles, <see cref="Features"/> together with <see cref="Drop"/>, or bad fractions.</exception>
    public void Validate()
    {
        var own = new[] { TrainFile, ValidationFile, TestFile };
        if (DataFile is null ? own.Any(f => f is null) : own.Any(f => f is not null))
        {
            throw new InvalidInputException(DataErrors.CsvFiles);
        }

        if (string.IsNullOrWhiteSpace(Target))
        {
            throw new InvalidInputException(DataErrors.NoTarget);
        }

        if (Sensitive is null || Sensitive.Count == 0)
        {
            throw new InvalidInputException(DataErrors.NoSensitive);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Sensitive)
        {
            if (!seen.Add(s))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.DuplicateAttribute, s));
            }

            if (string.Equals(s, Target, StringComparison.Ordinal))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.ColumnTwoRoles, s, "the target", "sensitive"));
            }
        }

        if (Features is not null && Drop.Count > 0)
        {
            throw new InvalidInputException(DataErrors.FeaturesAndDrop);
        }

        foreach (var c in Categorical.Intersect(Numeric, StringComparer.Ordinal))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.ColumnTwoRoles, c, "categorical", "numeric"));
        }

        foreach (var c in (Features ?? []).Where(f => f == Target || Sensitive.Contains(f, StringComparer.Ordinal)))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.ColumnTwoRoles, c, "an input", c == Target ? "the target" : "sensitive"));
        }

        if (!HasOwnSplit)
        {
            var (train, validation, test) = (TrainFraction, ValidationFraction, TestFraction);
            if (!(train > 0 && validation > 0 && test > 0 && Math.Abs(train + validation + test - 1) < 1e-9))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadFractions, train, validation, test));
            }
        }
    }

    /// <summary>Parses <c>--split</c>: three fractions <c>train,validation,test</c> (e.g. <c>0.6,0.2,0.2</c>).</summary>
    /// <exception cref="InvalidInputException">Not three numbers.</exception>
    public static (double Train, double Validation, double Test) ParseSplit(string text)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        if (parts.Length != 3 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadSplit, text));
        }

        return (values[0], values[1], values[2]);
    }
}
