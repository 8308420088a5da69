using FairSharp.Data.Catalogue;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Sources;

/// <summary>
/// German credit (UCI Statlog, space-separated codes, 21 fields) with FFB's column names. sex comes from
/// personal_status (A91/A93/A94 male, A92/A95 female); age is always the category <c>&gt;25</c> / <c>&lt;=25</c>;
/// y = 1 for credit = 1 (good). Numeric: month, credit_amount, investment_as_income_percentage, residence_since,
/// number_of_credits, people_liable_for; every other column categorical.
/// </summary>
internal static class GermanSource
{
    private static readonly string[] Columns =
    [
        "status", "month", "credit_history", "purpose", "credit_amount", "savings", "employment",
        "investment_as_income_percentage", "sex", "other_debtors", "residence_since", "property", "age",
        "installment_plans", "housing", "number_of_credits", "skill_level", "people_liable_for", "telephone",
        "foreign_worker", "credit",
    ];

    private static readonly string[] Numeric =
        ["month", "credit_amount", "investment_as_income_percentage", "residence_since", "number_of_credits", "people_liable_for"];

    public static TabularData Read(string dataDirectory, bool verify)
    {
        var file = BundledFiles.Of("german")[0];
        return Read(SourceBytes.Load(file, dataDirectory, verify), file.HeaderLines);
    }

    /// <summary>A user's file in german.data's raw format (21 space-separated fields, no header).</summary>
    public static TabularData Read(string path) => Read(SourceBytes.Read(path), 0);

    private static TabularData Read(SourceBytes source, int headerLines)
    {
        var table = new RawTable(Columns);
        TextReaders.ReadSimple(table, source, ' ', headerLines);
        var rows = Enumerable.Range(0, table.Count).ToArray();
        int sexColumn = table.Index("sex"), ageColumn = table.Index("age");
        var male = rows.Select(r => table[r][sexColumn] switch
        {
            "A91" or "A93" or "A94" => 1,
            "A92" or "A95" => 0,
            var other => throw table.Error(DataErrors.UnknownCode, r, sexColumn, other),
        }).ToArray();
        var over25 = rows.Select(r => table.Number(r, ageColumn) > 25 ? 1 : 0).ToArray();

        var columns = new List<InputColumn>(Numeric.Select(n => SourceHelpers.Numbers(table, rows, n)));
        foreach (var name in Columns.Where(c => c != "credit" && !Numeric.Contains(c)))
        {
            columns.Add(name switch
            {
                "sex" => InputColumn.OfCategories(name, male.Select(m => m == 1 ? "male" : "female").ToArray()),
                "age" => InputColumn.OfCategories(name, over25.Select(a => a == 1 ? ">25" : "<=25").ToArray()),
                _ => SourceHelpers.Categories(table, rows, name),
            });
        }

        var sensitive = new Dictionary<string, SensitiveColumn>(StringComparer.Ordinal)
        {
            ["sex"] = new(male, null, ["sex"]),
            ["age"] = new(over25, null, ["age"]),
        };
        return new TabularData("german", SourceHelpers.Labels(table, rows, "credit", "2", "1"), columns, sensitive, source.Sha256);
    }
}
