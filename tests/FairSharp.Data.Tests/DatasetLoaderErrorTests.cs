using FairSharp.Data.Catalogue;
using FairSharp.Data.Tests.Catalogue;

namespace FairSharp.Data.Tests;

/// <summary>Bad files: each a one-line error with a constant text naming the file (and line where known).</summary>
public sealed class DatasetLoaderErrorTests
{
    [Fact]
    public void A_missing_file_is_named()
    {
        var empty = Directory.CreateTempSubdirectory("fairsharp-empty-").FullName;
        try
        {
            Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("adult", ["sex"]) { DataDirectory = empty }))
                .Message.ShouldBe(string.Format(FileVerifier.MissingMessage, Path.Combine(empty, "adult/adult.data")));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void A_truncated_file_fails_its_checksum_and_without_the_check_names_the_cut_line()
    {
        using var tmp = new TempDataCopy("adult/adult.data", "adult/adult.test");
        var path = tmp.PathOf("adult/adult.data");
        var lines = File.ReadAllLines(path);
        var cut = string.Join("\n", lines.Take(99)) + "\n" + lines[99][..20];
        File.WriteAllText(path, cut);
        var found = lines[99][..20].Split(',').Length;

        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("adult", ["sex"]) { DataDirectory = tmp.Root }))
            .Message.ShouldStartWith($"{path}: sha256 mismatch (expected 5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d, found ");
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("adult", ["sex"]) { DataDirectory = tmp.Root, VerifyChecksums = false }))
            .Message.ShouldBe(string.Format(DataErrors.FieldCount, path, 100, 15, found));
    }

    [Fact]
    public void A_row_with_a_missing_field_names_the_file_and_line()
    {
        using var tmp = new TempDataCopy("german/german.data");
        var path = tmp.PathOf("german/german.data");
        var lines = File.ReadAllLines(path);
        lines[4] = lines[4][..lines[4].LastIndexOf(' ')];
        File.WriteAllLines(path, lines);
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("german", ["sex"]) { DataDirectory = tmp.Root, VerifyChecksums = false }))
            .Message.ShouldBe(string.Format(DataErrors.FieldCount, path, 5, 21, 20));
    }

    [Fact]
    public void A_field_that_is_not_a_number_or_not_a_known_code_is_named()
    {
        using var tmp = new TempDataCopy("german/german.data");
        var path = tmp.PathOf("german/german.data");
        var lines = File.ReadAllLines(path);
        var fields = lines[2].Split(' ');
        var month = fields[1];
        fields[1] = "twelve";
        lines[2] = string.Join(' ', fields);
        File.WriteAllLines(path, lines);
        var request = new DataRequest("german", ["sex"]) { DataDirectory = tmp.Root, VerifyChecksums = false };
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(request)).Message
            .ShouldBe(string.Format(DataErrors.NotANumber, path, 3, "month", "twelve"));

        lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("twelve", month, StringComparison.Ordinal);
        lines[6] = lines[6][..^1] + "3";
        File.WriteAllLines(path, lines);
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(request)).Message
            .ShouldBe(string.Format(DataErrors.UnknownCode, path, 7, "credit", "3"));
    }

    [Fact]
    public void A_split_that_leaves_a_group_empty_is_refused()
    {
        using var tmp = new TempDataCopy("german/german.data");
        var path = tmp.PathOf("german/german.data");
        File.WriteAllText(path, File.ReadAllText(path).Replace(" A92 ", " A93 ", StringComparison.Ordinal));
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("german", ["sex"]) { DataDirectory = tmp.Root, VerifyChecksums = false }))
            .Message.ShouldBe(string.Format(DataErrors.EmptyGroup, "train", "sex=female", "german"));
    }

    [Fact]
    public void An_unknown_column_to_drop_is_refused_and_a_known_one_is_dropped()
    {
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("german", ["sex"]) { DropColumns = ["salary"] }))
            .Message.ShouldStartWith(string.Format(DataErrors.UnknownDropColumn, "salary", "german", "month, credit_amount,")[..60]);
        var d = DatasetLoader.Prepare(new DataRequest("bank", ["age"]) { DropColumns = ["duration"] });
        d.FeatureNames.ShouldNotContain("duration");
    }

    [Fact]
    public void A_csv_without_a_needed_column_is_named()
    {
        using var tmp = new TempDataCopy("bank/bank-additional-full.csv");
        var path = tmp.PathOf("bank/bank-additional-full.csv");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("\"duration\"", "\"length\"", StringComparison.Ordinal));
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("bank", ["age"]) { DataDirectory = tmp.Root, VerifyChecksums = false }))
            .Message.ShouldBe(string.Format(DataErrors.MissingColumn, path, "duration"));
    }

    [SharedDataFact("compas/compas-scores-two-years.csv")]
    public void The_original_compas_file_loads_without_ever_exposing_its_identity_columns()
    {
        // ../shared/data holds ProPublica's original file, with id, name, first, last and dob.
        var shared = Path.GetFullPath(Path.Combine(DataDirectory.Locate(), "..", "..", "shared", "data"));
        var header = File.ReadLines(Path.Combine(shared, "compas", "compas-scores-two-years.csv")).First().Split(',');
        FairSharp.Data.Sources.CompasSource.IdentityColumns.ShouldBeSubsetOf(header);
        var d = DatasetLoader.Prepare(new DataRequest("compas", ["race"]) { DataDirectory = shared, VerifyChecksums = false });
        Prepared.Rows(d).ShouldBe(6_172);
        d.FeatureNames.ShouldAllBe(n => FairSharp.Data.Sources.CompasSource.IdentityColumns.All(id => n != id && !n.StartsWith(id + "_", StringComparison.Ordinal)));
        var bundled = DatasetLoader.Prepare(new DataRequest("compas", ["race"]));
        d.FeatureNames.ShouldBe(bundled.FeatureNames);
        d.Train.Features.ShouldBe(bundled.Train.Features);
    }
}
