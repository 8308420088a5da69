using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Commands;

public sealed class SweepCommandTests
{
    private static string TempFolder() => Directory.CreateTempSubdirectory("fairsharp-sweep-").FullName;

    [Theory]
    [InlineData("--methods", "erm,magic", "fairsharp: unknown method 'magic' in --methods (known: ")]
    [InlineData("--lambdas", "", "fairsharp: --lambdas is empty: give at least one fairness weight (e.g. 0.1,0.3,1,3)")]
    [InlineData("--lambdas", "0.1,abc", "fairsharp: --lambdas: 'abc' is not a finite number ≥ 0")]
    [InlineData("--lambdas", "-1", "fairsharp: --lambdas: '-1' is not a finite number ≥ 0")]
    [InlineData("--seeds", "0", "fairsharp: --seeds must be a number of seeds ≥ 1, got 0")]
    [InlineData("--seeds", "-2", "fairsharp: --seeds must be a number of seeds ≥ 1, got -2")]
    [InlineData("--shard", "3/2", "fairsharp: --shard '3/2' is not i/n with 1 ≤ i ≤ n (e.g. 1/4 for the first of four slices)")]
    [InlineData("--jobs", "0", "fairsharp: --jobs must be ≥ 1, got 0")]
    [InlineData("--constraint", "eq", "fairsharp: unknown constraint 'eq' (known: dp, eo, eopp)")]
    [InlineData("--grid", "fairer.lambda_align=1", "fairsharp: --grid fairer.lambda_align=1: method 'fairer' is not in --methods")]
    [InlineData("--grid", "gapreg.lambda_align=1", "fairsharp: --grid gapreg.lambda_align=1: method 'gapreg' has no such option (its options: none)")]
    public void Bad_input_is_one_line_and_exit_code_2_and_nothing_is_written(string option, string value, string message)
    {
        var folder = Path.Combine(TempFolder(), "out");
        string[] methods = option == "--methods" ? [] : ["--methods", "erm,gapreg"];
        var (exit, output, error) = CliRunner.Run(["sweep", .. methods, "--out", folder, option, value]);
        exit.ShouldBe(ExitCodes.BadInput, error);
        error.ShouldStartWith(message);
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        output.ShouldBeEmpty();
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_dataset_is_refused_before_any_trial()
    {
        var folder = Path.Combine(TempFolder(), "out");
        var (exit, _, error) = CliRunner.Run("sweep", "--dataset", "mnist", "--methods", "erm", "--out", folder);
        exit.ShouldBe(ExitCodes.BadInput, error);
        error.ShouldStartWith("fairsharp: ");
        error.ShouldContain("mnist");
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public void A_folder_holding_another_plan_is_refused_with_what_differs()
    {
        var folder = TempFolder();
        var (first, _, firstError) = CliRunner.Run("sweep", "--dataset", "german", "--methods", "erm", "--seeds", "1", "--epochs", "1", "--jobs", "1", "--out", folder);
        first.ShouldBe(ExitCodes.Success, firstError);
        var (exit, output, error) = CliRunner.Run("sweep", "--dataset", "german", "--methods", "erm", "--seeds", "2", "--epochs", "1", "--jobs", "1", "--out", folder);
        exit.ShouldBe(ExitCodes.BadInput);
        error.TrimEnd().ShouldBe($"fairsharp: {folder} holds a different sweep plan (seeds 1 → 2); use another --out folder or repeat the original command");
        output.ShouldBeEmpty();
        File.ReadAllLines(Path.Combine(folder, TrialStore.FileName)).Length.ShouldBe(1);
    }
}
