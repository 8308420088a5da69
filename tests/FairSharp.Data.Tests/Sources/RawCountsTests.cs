using FairSharp.Data.Catalogue;
using FairSharp.Data.Sources;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Tests.Sources;

/// <summary>The raw files' counts of datasets.md, before any protocol.</summary>
public sealed class RawCountsTests
{
    private static readonly string Dir = DataDirectory.Locate();

    [Fact]
    public void Adult_reads_32561_train_and_16281_test_rows_with_the_test_files_quirks()
    {
        var (table, _) = AdultSource.Read(Dir, verify: true);
        table.Count.ShouldBe(48_842);
        var labels = Enumerable.Range(0, table.Count).Select(r => AdultSource.Label(table, r)).ToArray();
        labels.Take(32_561).Count(y => y == 0).ShouldBe(24_720);
        labels.Take(32_561).Count(y => y == 1).ShouldBe(7_841);
        labels.Skip(32_561).Count(y => y == 0).ShouldBe(12_435);
        labels.Skip(32_561).Count(y => y == 1).ShouldBe(3_846);
        var train = Enumerable.Range(0, 32_561).ToArray();
        train.Count(r => table[r][table.Index("sex")] == "Male").ShouldBe(21_790);
        train.Count(r => table[r][table.Index("race")] == "Amer-Indian-Eskimo").ShouldBe(311);
        train.Count(r => table[r].Contains("?")).ShouldBe(2_399);
        table[0].ShouldBe(["39", "State-gov", "77516", "Bachelors", "13", "Never-married", "Adm-clerical", "Not-in-family", "White", "Male", "2174", "0", "40", "United-States", "<=50K"]);
        table[32_561][AdultSource.Income].ShouldEndWith("."); // adult.test labels carry a period; its first line is skipped
    }

    [Fact]
    public void Compas_has_7214_rows_and_duplicated_columns_resolve_to_the_first()
    {
        var source = SourceBytes.Load(BundledFiles.Of("compas")[0], Dir, verify: true);
        var table = TextReaders.ReadCsv(source, ',', ["two_year_recid", "race", "priors_count", "c_charge_desc"]);
        table.Count.ShouldBe(7_214);
        Enumerable.Range(0, table.Count).Count(r => table[r][0] == "1").ShouldBe(3_251);
        Enumerable.Range(0, table.Count).Count(r => table[r][1] == "African-American").ShouldBe(3_696);
        Enumerable.Range(0, table.Count).ShouldContain(r => table[r][3] == "Poss 3,4 MDMA (Ecstasy)");
    }

    [Fact]
    public void Bank_reads_semicolons_quotes_and_crlf()
    {
        var source = SourceBytes.Load(BundledFiles.Of("bank")[0], Dir, verify: true);
        var table = TextReaders.ReadCsv(source, ';', ["age", "job", "y"]);
        table.Count.ShouldBe(41_188);
        table[0].ShouldBe(["56", "housemaid", "no"]);
        Enumerable.Range(0, table.Count).Count(r => table[r][2] == "yes").ShouldBe(4_640);
    }

    [Fact]
    public void Acs_has_30592_rows_with_b_for_missing_and_leading_zeros_kept()
    {
        var source = SourceBytes.Load(BundledFiles.Of("acs-income-ct")[0], Dir, verify: true);
        var table = TextReaders.ReadCsv(source, ',', ["Children", "Hispanic", "Sex", "Income"]);
        table.Count.ShouldBe(30_592);
        table[0][0].ShouldBe("b");
        table[0][1].ShouldBe("01");
        Enumerable.Range(0, table.Count).Count(r => table[r][2] == "1").ShouldBe(14_668);
        Enumerable.Range(0, table.Count).Count(r => table.Number(r, 3) > 50_000).ShouldBe(11_294);
    }
}
