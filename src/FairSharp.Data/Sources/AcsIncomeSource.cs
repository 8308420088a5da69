using FairSharp.Data.Catalogue;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Sources;

/// <summary>
/// "ACS PUMS CT-2018 income (ACSIncome-like)": folktables' ACSIncome filter (Age &gt; 16, Income &gt; 100,
/// Hours_Worked &gt; 0, PWeight ≥ 1; a missing <c>b</c> fails the filter) leaves 19,810 rows; y = Income &gt; 50,000.
/// Inputs mapped to ACSIncome's: AGEP = Age (numeric); COW, SCHL = Education, MAR = Marital_Status,
/// WKHP = Hours_Worked, WAOB = Place_of_Birth (categorical, as FFB treats them; <c>b</c> is its own category), plus
/// SEX = Sex and RAC1P = Race (categorical unless sensitive). OCCP, POBP and RELP are not in this file.
/// Sensitive (FFB's ACS convention): sex (Sex = 2, female, gives s = 1); race (Race = 1, White, gives s = 1).
/// </summary>
internal static class AcsIncomeSource
{
    private static readonly string[] Categorical = ["COW", "Education", "Marital_Status", "Hours_Worked", "Place_of_Birth", "Sex", "Race"];

    public static TabularData Read(string dataDirectory, bool verify)
    {
        var source = SourceBytes.Load(BundledFiles.Of("acs-income-ct")[0], dataDirectory, verify);
        var table = TextReaders.ReadCsv(source, ',', ["Age", .. Categorical, "PWeight", "Income"]);
        int age = table.Index("Age"), income = table.Index("Income"), hours = table.Index("Hours_Worked"), weight = table.Index("PWeight");
        var rows = Enumerable.Range(0, table.Count).Where(r =>
            SourceHelpers.NumberOrNaN(table, r, age) > 16
            && SourceHelpers.NumberOrNaN(table, r, income) > 100
            && SourceHelpers.NumberOrNaN(table, r, hours) > 0
            && SourceHelpers.NumberOrNaN(table, r, weight) >= 1).ToArray();
        var columns = new[] { SourceHelpers.Numbers(table, rows, "Age") }
            .Concat(Categorical.Select(n => SourceHelpers.Categories(table, rows, n))).ToArray();
        int sex = table.Index("Sex"), race = table.Index("Race");
        var sensitive = new Dictionary<string, SensitiveColumn>(StringComparer.Ordinal)
        {
            ["sex"] = new(rows.Select(r => table[r][sex] == "2" ? 1 : 0).ToArray(), null, ["Sex"]),
            ["race"] = new(rows.Select(r => table[r][race] == "1" ? 1 : 0).ToArray(), null, ["Race"]),
        };
        var labels = rows.Select(r => table.Number(r, income) > 50_000 ? 1 : 0).ToArray();
        return new TabularData("acs-income-ct", labels, columns, sensitive, source.Sha256);
    }
}
