using FairSharp.Data.Catalogue;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Sources;

/// <summary>
/// Bank marketing, <c>bank-additional-full.csv</c> (<c>;</c>-separated, quoted strings, CRLF). y = 1 for <c>yes</c>;
/// s = age ≥ 25 (age removed from the inputs, as FFB). Categorical: job, marital, education, default, housing, loan,
/// contact, month, day_of_week, poutcome; every other column numeric, including <c>duration</c> (it leaks the target:
/// FFB keeps it; drop it with <see cref="DataRequest.DropColumns"/> for a realistic model).
/// </summary>
internal static class BankSource
{
    private static readonly string[] Categorical =
        ["job", "marital", "education", "default", "housing", "loan", "contact", "month", "day_of_week", "poutcome"];

    private static readonly string[] Numeric =
        ["age", "duration", "campaign", "pdays", "previous", "emp.var.rate", "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed"];

    public static TabularData Read(string dataDirectory, bool verify)
    {
        var source = SourceBytes.Load(BundledFiles.Of("bank")[0], dataDirectory, verify);
        var table = TextReaders.ReadCsv(source, ';', [.. Numeric, .. Categorical, "y"]);
        var rows = Enumerable.Range(0, table.Count).ToArray();
        var columns = Numeric.Select(n => SourceHelpers.Numbers(table, rows, n))
            .Concat(Categorical.Select(n => SourceHelpers.Categories(table, rows, n))).ToArray();
        var age = columns[0].Numeric!;
        var sensitive = new Dictionary<string, SensitiveColumn>(StringComparer.Ordinal)
        {
            ["age"] = new(age.Select(a => a >= 25 ? 1 : 0).ToArray(), null, ["age"]),
        };
        return new TabularData("bank", SourceHelpers.Labels(table, rows, "y", "no", "yes"), columns, sensitive, source.Sha256);
    }
}
