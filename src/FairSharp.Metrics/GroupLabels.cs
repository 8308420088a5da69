using System.Globalization;

namespace FairSharp.Metrics;

/// <summary>
/// Group membership of every row: an integer code per row and the group names. Built from one sensitive column
/// (the distinct values, sorted) or several (intersectional: every combination of the columns' distinct values, as
/// fairlearn's MetricFrame with several sensitive features). Combinations without rows are kept in <see cref="Names"/>
/// and listed in <see cref="EmptyGroups"/>: reported, never silently dropped, and skipped by every aggregate.
/// </summary>
public sealed class GroupLabels
{
    /// <summary>Separator between the values of an intersectional group name, e.g. <c>Female, Black</c>.</summary>
    public const string Separator = ", ";

    private readonly int[] _codes;
    private readonly int[] _counts;

    private GroupLabels(int[] codes, IReadOnlyList<string> names, IReadOnlyList<string> features)
    {
        _codes = codes;
        Names = names;
        Features = features;
        _counts = new int[names.Count];
        foreach (var c in codes)
        {
            _counts[c]++;
        }

        EmptyGroups = names.Where((_, g) => _counts[g] == 0).ToArray();
    }

    /// <summary>Group code of every row, in [0, <see cref="Count"/>).</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Number of rows.</summary>
    public int Rows => _codes.Length;

    /// <summary>Group names, indexed by code.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The sensitive feature (column) names the groups were built from.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>Number of groups, empty ones included.</summary>
    public int Count => Names.Count;

    /// <summary>Rows per group, indexed by code.</summary>
    public IReadOnlyList<int> RowCounts => _counts;

    /// <summary>Names of the groups (combinations) without rows.</summary>
    public IReadOnlyList<string> EmptyGroups { get; }

    /// <summary>Groups from codes already assigned; names are indexed by code. Groups without rows are allowed (and reported).</summary>
    /// <exception cref="InvalidInputException">No names, duplicate names, or a code out of range.</exception>
    public static GroupLabels FromCodes(ReadOnlySpan<int> codes, IReadOnlyList<string> names, string feature = "group")
    {
        ArgumentNullException.ThrowIfNull(names);
        CheckNames(names);
        for (var i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)names.Count)
            {
                throw Fail.With(MetricErrors.GroupOutOfRange, i, codes[i], names.Count);
            }
        }

        return new GroupLabels(codes.ToArray(), names.ToArray(), [feature]);
    }

    /// <summary>Groups from one sensitive column: its distinct values, sorted (numbers numerically, then text ordinally).</summary>
    public static GroupLabels FromColumn(IReadOnlyList<string> values, string feature = "sensitive_feature_0") =>
        FromColumns([feature], [values]);

    /// <summary>
    /// Intersectional groups from several sensitive columns: every combination of the columns' sorted distinct values,
    /// in lexicographic order (the first column varies slowest), named by joining the values with <see cref="Separator"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">No feature, names and columns differ in number, or columns differ in length.</exception>
    public static GroupLabels FromColumns(IReadOnlyList<string> features, IReadOnlyList<IReadOnlyList<string>> columns)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw Fail.With(MetricErrors.NoSensitiveFeatures);
        }

        if (features.Count != columns.Count)
        {
            throw Fail.With(MetricErrors.FeatureCountMismatch, features.Count, columns.Count);
        }

        var rows = columns[0].Count;
        var levels = new List<string[]>(columns.Count);
        var perColumnCodes = new List<int[]>(columns.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            Fail.IfLengthDiffers(features[c], column.Count, rows);
            var distinct = column.Distinct(StringComparer.Ordinal).ToArray();
            Array.Sort(distinct, CompareValues);
            var index = new Dictionary<string, int>(distinct.Length, StringComparer.Ordinal);
            for (var k = 0; k < distinct.Length; k++)
            {
                index[distinct[k]] = k;
            }

            var codes = new int[rows];
            for (var i = 0; i < rows; i++)
            {
                codes[i] = index[column[i]];
            }

            levels.Add(distinct);
            perColumnCodes.Add(codes);
        }

        var combined = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var code = 0;
            for (var c = 0; c < columns.Count; c++)
            {
                code = code * levels[c].Length + perColumnCodes[c][i];
            }

            combined[i] = code;
        }

        return new GroupLabels(combined, CombinationNames(levels), features.ToArray());
    }

    /// <summary>Orders values numerically when both parse as numbers, otherwise ordinally (numbers first).</summary>
    internal static int CompareValues(string? a, string? b)
    {
        var aNumber = double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x);
        var bNumber = double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y);
        return (aNumber, bNumber) switch
        {
            (true, true) when x != y => x.CompareTo(y),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        };
    }

    private static string[] CombinationNames(List<string[]> levels)
    {
        var total = 1;
        foreach (var l in levels)
        {
            total *= l.Length;
        }

        var names = new string[total];
        for (var code = 0; code < total; code++)
        {
            var parts = new string[levels.Count];
            var rest = code;
            for (var c = levels.Count - 1; c >= 0; c--)
            {
                parts[c] = levels[c][rest % levels[c].Length];
                rest /= levels[c].Length;
            }

            names[code] = string.Join(Separator, parts);
        }

        return names;
    }

    private static void CheckNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            throw Fail.With(MetricErrors.NoGroups);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            if (!seen.Add(n))
            {
                throw Fail.With(MetricErrors.DuplicateGroupName, n);
            }
        }
    }
}
