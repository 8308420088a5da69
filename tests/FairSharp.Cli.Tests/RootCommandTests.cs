using System.Text.RegularExpressions;
using FairSharp.Data.Catalogue;
using FairSharp.Training.Objectives;
using FairSharp.Training.Stitching;

namespace FairSharp.Cli.Tests;

/// <summary>The conventions of the command root: the command list, usage errors with the closest valid name,
/// completions of closed value sets, and the version line.</summary>
public sealed class RootCommandTests
{
    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    [Fact]
    public void No_arguments_print_the_command_list_and_succeed()
    {
        var (exit, output, error) = CliRunner.Run();

        exit.ShouldBe(ExitCodes.Success);
        FirstLine(output).ShouldStartWith("fairsharp: train, audit and compare fair deep networks");
        foreach (var command in new[] { "datasets", "audit", "train", "rationale", "stitch", "sweep", "report" })
        {
            output.ShouldContain($"\n  {command} ");
        }

        output.ShouldNotContain("\n  trial ");
        error.ShouldBeEmpty();
    }

    [Fact]
    public void A_misspelt_command_is_a_usage_error_naming_the_closest_command()
    {
        var (exit, output, error) = CliRunner.Run("trian", "--dataset", "german");

        exit.ShouldBe(ExitCodes.BadInput);
        var commands = FairSharpApp.BuildRoot(CliConsole.Capture(TextWriter.Null, TextWriter.Null)).Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        FirstLine(error).ShouldBe($"fairsharp: unknown command 'trian'; did you mean 'train'? (commands: {string.Join(", ", commands)})");
        error.TrimEnd().ShouldNotContain('\n');
        output.ShouldBeEmpty();
    }

    [Fact]
    public void A_misspelt_method_is_a_usage_error_naming_the_closest_method_and_writes_nothing()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "fairsharp-root-" + Guid.NewGuid().ToString("N"));
        var (exit, output, error) = CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex", "--method", "gapre", "--out", outDir);

        exit.ShouldBe(ExitCodes.BadInput);
        FirstLine(error).ShouldBe($"fairsharp: --method: unknown value 'gapre'; did you mean 'gapreg'? (one of: {string.Join(", ", MethodRegistry.NamesOf(FairSharp.Training.Methods.MethodKind.Network))})");
        error.TrimEnd().ShouldNotContain('\n');
        output.ShouldBeEmpty();
        Directory.Exists(outDir).ShouldBeFalse();
    }

    [Fact]
    public void A_misspelt_option_names_the_closest_option_of_its_command()
    {
        var (exit, _, error) = CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex", "--metod", "erm", "--out", "x");

        exit.ShouldBe(ExitCodes.BadInput);
        FirstLine(error).ShouldStartWith("fairsharp: unknown option '--metod' for 'train'; did you mean '--method'?");
    }

    [Fact]
    public void A_stitch_method_is_checked_against_the_stitch_methods_not_the_training_ones()
    {
        var (exit, _, error) = CliRunner.Run("stitch", "--backbone", "b", "--method", "tsf", "--out", "x");

        exit.ShouldBe(ExitCodes.BadInput);
        FirstLine(error).ShouldStartWith("fairsharp: --method: unknown value 'tsf'; did you mean 'tfs'?");
    }

    public static TheoryData<string, string[]> Completions => new()
    {
        { "train --method ", MethodRegistry.NamesOf(FairSharp.Training.Methods.MethodKind.Network).ToArray() },
        { "train --dataset ", DatasetCatalogue.Names.ToArray() },
        { "train --constraint ", ["dp", "eo", "eopp"] },
        { "train --protocol ", ["ffb", "fairmixup", "tfs"] },
        { "train --arch ", ["mlp", "small-cnn", "resnet18", "resnet18-cifar"] },
        { "audit --format ", ["json", "md", "csv"] },
        { "stitch --method ", StitchMethods.Names.ToArray() },
        { "stitch --constraint ", ["eo", "ae", "mmf"] },
        { "sweep --dataset ", DatasetCatalogue.Names.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Completions))]
    public void Closed_value_sets_complete_in_the_shell(string line, string[] expected)
    {
        var root = FairSharpApp.BuildRoot(CliConsole.Capture(TextWriter.Null, TextWriter.Null));

        var labels = root.Parse(line).GetCompletions(line.Length).Select(c => c.Label).ToArray();

        labels.Order().ShouldBe(expected.Order());
    }

    [Fact]
    public void Version_prints_the_version_and_the_commit()
    {
        var (exit, output, _) = CliRunner.Run("--version");

        exit.ShouldBe(ExitCodes.Success);
        output.TrimEnd().ShouldMatch(@"^fairsharp \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)? \((commit [0-9a-f]{12}|commit unknown)\)$");
    }

    [Theory]
    [InlineData("gapre", "gapreg")]
    [InlineData("fiarer", "fairer")]
    [InlineData("ERM", "erm")]
    [InlineData("prejudice", "prejudice-remover")]
    public void The_closest_name_counts_edits_and_swaps(string typed, string expected) =>
        Suggestions.Closest(typed, MethodRegistry.Names).ShouldBe(expected);
}
