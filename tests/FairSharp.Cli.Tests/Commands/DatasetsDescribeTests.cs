using System.Globalization;
using FairSharp.Data;

namespace FairSharp.Cli.Tests.Commands;

public sealed class DatasetsDescribeTests
{
    [Fact]
    public void Describes_a_dataset_with_rows_per_split_balances_and_the_y_by_group_table()
    {
        var (exit, output, error) = CliRunner.Run("datasets", "--describe", "german", "--seed", "3");
        exit.ShouldBe(ExitCodes.Success, error);
        error.ShouldBeEmpty();
        output.ShouldContain("german: German credit (UCI Statlog)");
        output.ShouldContain("protocol ffb, seed 3, sensitive sex, y = credit = 1 (good)");
        output.ShouldContain("1,000 rows");
        Cells(output, "| train")[..5].ShouldBe(["train", "400", "120", "280", "70.0%"]);
        var female = Cells(output, "| train      | sex=female");
        var male = Cells(output, "| train      | sex=male");
        (int.Parse(female[2], CultureInfo.InvariantCulture) + int.Parse(male[2], CultureInfo.InvariantCulture)).ShouldBe(400);
        (int.Parse(female[4], CultureInfo.InvariantCulture) + int.Parse(male[4], CultureInfo.InvariantCulture)).ShouldBe(120);
        output.ShouldContain("sex=female");
        output.ShouldContain("sex=male");
        output.ShouldContain("groups (y x group):");
        output.Split('\n').Count(l => l.StartsWith("| test", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public void Describes_adult_under_fairmixup()
    {
        var (exit, output, error) = CliRunner.Run("datasets", "--describe", "adult", "--protocol", "fairmixup");
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("inputs [120] per row, 45,222 rows");
        Cells(output, "| validation")[1].ShouldBe("9,045");
    }

    [Theory]
    [InlineData("nope", null, null, "--describe: unknown value 'nope'; did you mean 'compas'? (one of: adult, compas, german, bank, credit, acs-income-ct, utkface)")]
    [InlineData("adult", "age", null, "unknown sensitive attribute 'age' for dataset 'adult' (known: sex, race)")]
    [InlineData("adult", null, "fancy", "--protocol: unknown value 'fancy'; did you mean 'ffb'? (one of: ffb, fairmixup, tfs)")]
    [InlineData("bank", null, "tfs", "protocol 'tfs' does not apply to dataset 'bank' (it applies to: utkface)")]
    public void Bad_names_give_one_line_and_exit_code_2(string dataset, string? sensitive, string? protocol, string message)
    {
        var args = new List<string> { "datasets", "--describe", dataset };
        if (sensitive is not null)
        {
            args.AddRange(["--sensitive", sensitive]);
        }

        if (protocol is not null)
        {
            args.AddRange(["--protocol", protocol]);
        }

        var (exit, output, error) = CliRunner.Run([.. args]);
        exit.ShouldBe(ExitCodes.BadInput);
        output.ShouldBeEmpty();
        error.ShouldBe($"fairsharp: {message}{Environment.NewLine}");
    }

    [Fact]
    public void A_file_with_a_wrong_field_count_gives_one_line_naming_the_file_and_line_and_writes_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("fairsharp-cli-").FullName;
        try
        {
            var source = Path.Combine(FairSharp.Data.Catalogue.DataDirectory.Locate(), "german", "german.data");
            var target = Path.Combine(dir, "german", "german.data");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var lines = File.ReadAllLines(source);
            lines[9] += " A999";
            File.WriteAllLines(target, lines);
            var before = Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories);

            var (exit, output, error) = CliRunner.Run("datasets", "--describe", "german", "--data-dir", dir);
            exit.ShouldBe(ExitCodes.BadInput);
            output.ShouldBeEmpty();
            error.ShouldStartWith($"fairsharp: {target}: sha256 mismatch (expected b21f3d81");
            error.TrimEnd().Split('\n').Length.ShouldBe(1);

            (exit, output, error) = CliRunner.Run("datasets", "--describe", "german", "--data-dir", dir, "--no-verify");
            exit.ShouldBe(ExitCodes.BadInput);
            output.ShouldBeEmpty();
            error.ShouldBe($"fairsharp: {string.Format(DataErrors.FieldCount, target, 10, 21, 22)}{Environment.NewLine}");
            Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).ShouldBe(before);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_and_a_split_without_some_group_give_exit_code_2_and_write_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("fairsharp-cli-").FullName;
        try
        {
            var (exit, output, error) = CliRunner.Run("datasets", "--describe", "german", "--data-dir", dir);
            exit.ShouldBe(ExitCodes.BadInput);
            output.ShouldBeEmpty();
            error.ShouldBe($"fairsharp: {Path.Combine(dir, "german/german.data")}: data file is missing{Environment.NewLine}");

            var source = Path.Combine(FairSharp.Data.Catalogue.DataDirectory.Locate(), "german", "german.data");
            var target = Path.Combine(dir, "german", "german.data");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, File.ReadAllText(source).Replace(" A92 ", " A93 ", StringComparison.Ordinal));
            (exit, output, error) = CliRunner.Run("datasets", "--describe", "german", "--data-dir", dir, "--no-verify");
            exit.ShouldBe(ExitCodes.BadInput);
            output.ShouldBeEmpty();
            error.ShouldBe($"fairsharp: {string.Format(DataErrors.EmptyGroup, "train", "sex=female", "german")}{Environment.NewLine}");
            Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Length.ShouldBe(2);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string[] Cells(string output, string start) =>
        output.Split('\n').First(l => l.StartsWith(start, StringComparison.Ordinal))
            .Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
