using System.Globalization;

namespace FairSharp.Cli.Tests.Commands;

/// <summary>Issue 14's bad data files through <c>fairsharp train --data</c>: each is one line on stderr, exit 2, and
/// nothing written (the output folder is not created). TabularSourceTests checks the same messages in the library.</summary>
public sealed class TrainBadFileTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-bad-file-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    public static TheoryData<string, string, string[], string> BadFiles => new()
    {
        { "one-value target", "x,s,y\n1,a,1\n2,b,1\n", [], "{0}: target column 'y' has 1 values ('1'); a binary target needs two, or name the positive one with --positive" },
        { "three-value target", "x,s,y\n1,a,1\n2,b,0\n3,a,2\n", [], "{0}: target column 'y' has 3 values ('0', '1', '2'); a binary target needs two, or name the positive one with --positive" },
        { "one group", "x,s,y\n1,a,1\n2,a,0\n", [], "{0}: sensitive column 's' has a single value ('a'): fairness needs at least two groups" },
        { "empty file", "", [], "{0}: no data rows" },
        { "ragged row", "x,s,y\n1,a,1\n2,b,0,7\n", [], "{0}, line 3: expected 3 fields, found 4" },
        { "text in a numeric column", "x,s,y\n1,a,1\n2,b,0\nten,a,1\n", ["--numeric", "x"], "{0}, line 4, column 'x': 'ten' is not a number" },
        { "all-missing column", "x,e,s,y\n1,,a,1\n2,NA,b,0\n", [], "{0}: column 'e' has no values (every field is missing): leave it out with --drop" },
        {
            "more than 10,000 categories",
            "code,s,y\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"k{i},{(i % 2 == 0 ? "a" : "b")},{i % 2}\n")),
            [],
            "{0}: column 'code' has 10001 categories, more than 10000: leave it out with --drop (an id or free text?) or declare it --numeric"
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_exits_2_with_one_line_and_writes_nothing(string what, string text, string[] options, string message)
    {
        var data = Path.Combine(root, "data.csv");
        File.WriteAllText(data, text);
        var dir = Path.Combine(root, "model");
        var (exit, output, error) = CliRunner.Run(["train", "--data", data, "--target", "y", "--sensitive", "s", "--steps", "2", "--threads", "1", "--out", dir, .. options]);
        exit.ShouldBe(ExitCodes.BadInput, what);
        error.ShouldBe("fairsharp: " + string.Format(CultureInfo.InvariantCulture, message, data) + Environment.NewLine, what);
        output.ShouldBeEmpty(what);
        Directory.GetFileSystemEntries(root).Select(Path.GetFileName).ShouldBe(["data.csv"], what);
    }

    [Fact]
    public void A_group_with_no_rows_in_a_split_exits_2_with_one_line_and_writes_nothing()
    {
        const string header = "x,s,y\n";
        var train = Path.Combine(root, "tr.csv");
        var valid = Path.Combine(root, "va.csv");
        var test = Path.Combine(root, "te.csv");
        File.WriteAllText(train, header + "1,a,1\n2,b,0\n3,a,0\n4,b,1\n");
        File.WriteAllText(valid, header + "1,a,1\n2,b,0\n");
        File.WriteAllText(test, header + "1,a,1\n2,a,0\n");
        var dir = Path.Combine(root, "model");
        var (exit, output, error) = CliRunner.Run("train", "--train", train, "--valid", valid, "--test", test, "--target", "y", "--sensitive", "s",
            "--steps", "2", "--threads", "1", "--out", dir);
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldBe("fairsharp: split 'test' of dataset 'tr.csv' has no rows of group 's=b': choose fewer sensitive attributes or other split fractions" + Environment.NewLine);
        output.ShouldBeEmpty();
        Directory.Exists(dir).ShouldBeFalse();
    }
}
