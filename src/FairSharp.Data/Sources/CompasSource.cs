using FairSharp.Data.Catalogue;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Sources;

/// <summary>
/// COMPAS two-year recidivism with the ProPublica filter (|days_b_screening_arrest| ≤ 30, is_recid ≠ −1,
/// c_charge_degree ≠ O, score_text ≠ N/A → 6,172 rows). Only the feature, filter and target columns are copied out of
/// the parser, by the position of the first column of each name (the file repeats <c>decile_score</c> and
/// <c>priors_count</c>): the identity columns <c>id, name, first, last, dob</c> of the original file are never held.
/// Inputs (AIF360 list, as FFB): numeric age, juv_fel_count, juv_misd_count, juv_other_count, priors_count;
/// categorical age_cat, race, sex, c_charge_degree, c_charge_desc. y = two_year_recid.
/// </summary>
internal static class CompasSource
{
    /// <summary>Columns of the original file that identify people; never read.</summary>
    public static readonly string[] IdentityColumns = ["id", "name", "first", "last", "dob"];

    private static readonly string[] Numeric = ["age", "juv_fel_count", "juv_misd_count", "juv_other_count", "priors_count"];
    private static readonly string[] Categorical = ["age_cat", "race", "sex", "c_charge_degree", "c_charge_desc"];
    private static readonly string[] Filter = ["days_b_screening_arrest", "is_recid", "score_text", "two_year_recid"];

    public static TabularData Read(string dataDirectory, bool verify)
    {
        var source = SourceBytes.Load(BundledFiles.Of("compas")[0], dataDirectory, verify);
        var table = TextReaders.ReadCsv(source, ',', [.. Numeric, .. Categorical, .. Filter]);
        int days = table.Index("days_b_screening_arrest"), recid = table.Index("is_recid"),
            degree = table.Index("c_charge_degree"), score = table.Index("score_text");
        var rows = Enumerable.Range(0, table.Count).Where(r =>
            table[r][days].Length > 0 && Math.Abs(table.Number(r, days)) <= 30
            && table.Number(r, recid) != -1
            && table[r][degree] != "O"
            && table[r][score] != "N/A").ToArray();
        var columns = Numeric.Select(n => SourceHelpers.Numbers(table, rows, n))
            .Concat(Categorical.Select(n => SourceHelpers.Categories(table, rows, n))).ToArray();
        int sex = table.Index("sex"), race = table.Index("race");
        var sensitive = new Dictionary<string, SensitiveColumn>(StringComparer.Ordinal)
        {
            ["sex"] = new(rows.Select(r => table[r][sex] == "Male" ? 1 : 0).ToArray(), null, ["sex"]),
            ["race"] = new(rows.Select(r => table[r][race] == "Caucasian" ? 1 : 0).ToArray(), null, ["race"]),
        };
        return new TabularData("compas", SourceHelpers.Labels(table, rows, "two_year_recid", "0", "1"), columns, sensitive, source.Sha256);
    }
}
