using FairSharp.Data.Catalogue;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Sources;

/// <summary>
/// Reads Adult: <c>adult.data</c> then <c>adult.test</c> (its first line <c>|1x3 Cross validator</c> skipped), 15
/// fields separated by <c>", "</c> (fields trimmed), <c>?</c> for missing values, test labels with a trailing period.
/// </summary>
internal static class AdultSource
{
    public static readonly string[] Columns =
    [
        "age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship",
        "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income",
    ];

    public const int Income = 14;

    /// <summary>All 48,842 raw rows (train then test) and the combined sha256.</summary>
    public static (RawTable Table, string Sha256) Read(string dataDirectory, bool verify)
    {
        var files = BundledFiles.Of("adult");
        var table = new RawTable(Columns);
        var sources = new List<SourceBytes>();
        foreach (var file in files)
        {
            var source = SourceBytes.Load(file, dataDirectory, verify);
            TextReaders.ReadSimple(table, source, ',', file.HeaderLines);
            sources.Add(source);
        }

        return (table, SourceBytes.Combine(sources));
    }

    /// <summary>A user's file in Adult's raw format (15 fields separated by <c>", "</c>, no header; a first line that
    /// starts with <c>|</c>, as adult.test's <c>|1x3 Cross validator</c>, is skipped), every row kept, as
    /// <see cref="ForFfb(RawTable, string, bool)"/> gives the catalogue's columns.</summary>
    public static TabularData ForFfb(string path)
    {
        var source = SourceBytes.Read(path);
        var table = new RawTable(Columns);
        TextReaders.ReadSimple(table, source, ',', source.Bytes.Length > 0 && source.Bytes[0] == (byte)'|' ? 1 : 0);
        return ForFfb(table, source.Sha256, dropMissing: false);
    }

    /// <summary>y = 1 for <c>&gt;50K</c> (with or without the test file's period).</summary>
    public static int Label(RawTable table, int row) => table[row][Income] switch
    {
        "<=50K" or "<=50K." => 0,
        ">50K" or ">50K." => 1,
        var other => throw table.Error(DataErrors.UnknownCode, row, Income, other),
    };

    /// <summary>
    /// FFB's Adult: rows with any <c>?</c> dropped (45,222 left), <c>fnlwgt</c> dropped. Numeric: age, education-num,
    /// capital-gain, capital-loss, hours-per-week. Categorical: workclass, education, marital-status, occupation,
    /// relationship, race, sex, native-country. Sensitive: sex (Male = 1; replaces the sex column); race (White = 1,
    /// only White and Black rows kept; replaces the race column).
    /// </summary>
    public static TabularData ForFfb(string dataDirectory, bool verify)
    {
        var (table, sha) = Read(dataDirectory, verify);
        return ForFfb(table, sha, dropMissing: true);
    }

    // dropMissing: FFB's filter (rows with any '?' removed); a user's rows to score keep theirs ('?' is then an unseen category).
    private static TabularData ForFfb(RawTable table, string sha, bool dropMissing)
    {
        var rows = Enumerable.Range(0, table.Count).Where(r => !dropMissing || !table[r].Contains("?")).ToArray();
        var numeric = new[] { "age", "education-num", "capital-gain", "capital-loss", "hours-per-week" };
        var categorical = new[] { "workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country" };
        var columns = new List<InputColumn>();
        foreach (var name in numeric)
        {
            var c = table.Index(name);
            columns.Add(InputColumn.OfNumbers(name, rows.Select(r => table.Number(r, c)).ToArray()));
        }

        foreach (var name in categorical)
        {
            var c = table.Index(name);
            columns.Add(InputColumn.OfCategories(name, rows.Select(r => table[r][c]).ToArray()));
        }

        var sex = table.Index("sex");
        var race = table.Index("race");
        var sensitive = new Dictionary<string, SensitiveColumn>(StringComparer.Ordinal)
        {
            ["sex"] = new(rows.Select(r => table[r][sex] == "Male" ? 1 : 0).ToArray(), null, ["sex"]),
            ["race"] = new(
                rows.Select(r => table[r][race] == "White" ? 1 : 0).ToArray(),
                rows.Select(r => table[r][race] is "White" or "Black").ToArray(),
                ["race"]),
        };
        return new TabularData("adult", rows.Select(r => Label(table, r)).ToArray(), columns, sensitive, sha);
    }
}
