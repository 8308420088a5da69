using FairSharp.Data.Catalogue;

namespace FairSharp.Cli.Tests.Commands;

public sealed class DatasetsCommandTests
{
    [Fact]
    public void Lists_every_bundled_dataset_with_rows_and_ok_checksums()
    {
        var (exit, output, error) = CliRunner.Run("datasets");
        exit.ShouldBe(ExitCodes.Success, error);
        foreach (var (file, rows) in new[]
                 {
                     ("adult/adult.data", "32,561"), ("adult/adult.test", "16,281"), ("german/german.data", "1,000"),
                     ("bank/bank-additional-full.csv", "41,188"), ("compas/compas-scores-two-years.csv", "7,214"),
                     ("acs_pums_ct/new_2018.csv", "30,592"), ("credit/UCI_Credit_Card.csv", "30,000"),
                 })
        {
            var line = output.Split('\n').Single(l => l.Contains(file, StringComparison.Ordinal));
            line.ShouldContain(rows);
            line.ShouldContain("| ok");
        }

        output.ShouldContain("6 datasets, 7 files verified");
        var utkface = output.Split('\n').Single(l => l.StartsWith("| utkface", StringComparison.Ordinal));
        utkface.ShouldContain("gender=female, race=White");
        utkface.ShouldContain("(not bundled)");
        output.Split('\n').Single(l => l.StartsWith("| compas ", StringComparison.Ordinal) && l.Contains("6,172", StringComparison.Ordinal))
            .ShouldContain("sex=Male, race=Caucasian");
    }

    [Fact]
    public void A_corrupted_file_gives_one_line_and_exit_code_2()
    {
        var dir = Directory.CreateTempSubdirectory("fairsharp-cli-").FullName;
        try
        {
            foreach (var f in BundledFiles.All)
            {
                var target = Path.Combine(dir, f.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(DataDirectory.Locate(), f.RelativePath), target);
            }

            var bad = Path.Combine(dir, "adult/adult.data");
            var bytes = File.ReadAllBytes(bad);
            File.WriteAllBytes(bad, bytes[..^100]);

            var (exit, output, error) = CliRunner.Run("datasets", "--data-dir", dir);
            exit.ShouldBe(ExitCodes.BadInput);
            output.ShouldBeEmpty();
            error.TrimEnd().Split('\n').Length.ShouldBe(1);
            error.ShouldStartWith($"fairsharp: {bad}: sha256 mismatch (expected 5b00264637");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (exit, _, error) = CliRunner.Run("datasets", "--no-such-option");
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldStartWith("fairsharp: ");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }
}
