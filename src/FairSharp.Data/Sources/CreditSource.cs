using FairSharp.Data.Catalogue;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Sources;

/// <summary>
/// Default of credit card clients (<c>UCI_Credit_Card.csv</c>; numbers such as <c>5e+05</c> parsed as doubles).
/// <c>ID</c> is dropped. Numeric: LIMIT_BAL, AGE, PAY_0, PAY_2..PAY_6, BILL_AMT1..6, PAY_AMT1..6; categorical: SEX,
/// EDUCATION, MARRIAGE (undocumented codes kept as their own categories). y = default.payment.next.month.
/// Sensitive: sex (SEX = 2, female, gives s = 1); age (AGE ≥ 25 gives s = 1); each replaces its column.
/// </summary>
internal static class CreditSource
{
    private static readonly string[] Numeric =
    [
        "LIMIT_BAL", "AGE", "PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6",
        "BILL_AMT1", "BILL_AMT2", "BILL_AMT3", "BILL_AMT4", "BILL_AMT5", "BILL_AMT6",
        "PAY_AMT1", "PAY_AMT2", "PAY_AMT3", "PAY_AMT4", "PAY_AMT5", "PAY_AMT6",
    ];

    private static readonly string[] Categorical = ["SEX", "EDUCATION", "MARRIAGE"];

    public static TabularData Read(string dataDirectory, bool verify)
    {
        var source = SourceBytes.Load(BundledFiles.Of("credit")[0], dataDirectory, verify);
        var table = TextReaders.ReadCsv(source, ',', [.. Numeric, .. Categorical, "default.payment.next.month"]);
        var rows = Enumerable.Range(0, table.Count).ToArray();
        var sexColumn = table.Index("SEX");
        var female = rows.Select(r => table[r][sexColumn] switch
        {
            "2" => 1,
            "1" => 0,
            var other => throw table.Error(DataErrors.UnknownCode, r, sexColumn, other),
        }).ToArray();
        var columns = Numeric.Select(n => SourceHelpers.Numbers(table, rows, n))
            .Concat(Categorical.Select(n => n == "SEX"
                ? InputColumn.OfCategories(n, female.Select(f => f == 1 ? "female" : "male").ToArray())
                : SourceHelpers.Categories(table, rows, n))).ToArray();
        var sensitive = new Dictionary<string, SensitiveColumn>(StringComparer.Ordinal)
        {
            ["sex"] = new(female, null, ["SEX"]),
            ["age"] = new(columns[1].Numeric!.Select(a => a >= 25 ? 1 : 0).ToArray(), null, ["AGE"]),
        };
        return new TabularData("credit", SourceHelpers.Labels(table, rows, "default.payment.next.month", "0", "1"), columns, sensitive, source.Sha256);
    }
}
