using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Commands;

/// <summary><c>fairsharp sweep --data</c>: a user's CSV runs end to end in worker processes, resumes, keys its trials on
/// the file's content, and is refused with <c>--dataset</c>.</summary>
public sealed class SweepCsvTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-sweep-csv-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Table(string name, int rows, int seed) => LoanTable.Write(Path.Combine(root, name), rows, seed, spreadsheetExport: false);

    private static (int Exit, string Out, string Err) Sweep(string data, string folder, params string[] extra) =>
        CliRunner.Run(["sweep", "--data", data, "--target", "approved", "--sensitive", "sex", "--drop", "id", "--methods", "erm,gapreg",
            "--lambdas", "1", "--seeds", "1", "--epochs", "1", "--jobs", "1", "--out", folder, .. extra]);

    private static string Result(TrialRecord r) => TrialStore.Serialize(r with { Timings = new TrialTimings(0, 0) });

    [Fact]
    public void A_csv_sweep_runs_end_to_end_resumes_and_keys_its_trials_on_the_file_content()
    {
        var data = Table("loans.csv", 400, 1);
        var folder = Path.Combine(root, "sweep");
        var (exit, output, error) = Sweep(data, folder);
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("| gapreg ");
        var records = new TrialStore(folder).Read().Records;
        records.Count.ShouldBe(2);
        records.ShouldAllBe(r => r.Status == TrialStatus.Ok);
        records.ShouldAllBe(r => r.Config.Dataset == "loans.csv" && r.Config.DataSha256 != null && r.Config.Csv!.Target == "approved");
        records.Select(r => r.Metrics["accuracy"]).ShouldAllBe(a => a > 0.5);

        // Resume: forget the second trial; the same command runs only it, to the same record.
        var path = Path.Combine(folder, TrialStore.FileName);
        var lines = File.ReadAllLines(path);
        File.WriteAllText(path, lines[0] + "\n");
        var (again, _, againError) = Sweep(data, folder);
        again.ShouldBe(ExitCodes.Success, againError);
        againError.ShouldContain("sweep: 1 trials run (0 failed or diverged), 1 already done");
        new TrialStore(folder).Read().Records.Select(Result).Order().ShouldBe(records.Select(Result).Order(), "the resumed trial is bitwise the first run's");

        // The same file under another path is the same data (same trial ids); other content under the same name is not.
        var moved = Path.Combine(root, "elsewhere");
        Directory.CreateDirectory(moved);
        File.Copy(data, Path.Combine(moved, "loans.csv"));
        var (same, _, sameError) = Sweep(Path.Combine(moved, "loans.csv"), folder);
        same.ShouldBe(ExitCodes.Success, sameError);
        sameError.ShouldContain("sweep: 0 trials run (0 failed or diverged), 2 already done");
        File.Delete(data);
        Table("loans.csv", 400, 2);
        var (changed, _, changedError) = Sweep(data, folder);
        changed.ShouldBe(ExitCodes.BadInput);
        changedError.TrimEnd().ShouldStartWith($"fairsharp: {folder} holds a different sweep plan (data sha256 ");
        new TrialStore(folder).Read().Records.Count.ShouldBe(2);
    }

    [Fact]
    public void Data_with_a_dataset_and_a_csv_option_without_data_are_refused_before_anything_is_written()
    {
        var data = Table("loans.csv", 50, 3);
        var folder = Path.Combine(root, "out");
        var (exit, output, error) = Sweep(data, folder, "--dataset", "adult");
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldBe("fairsharp: give --dataset NAME (a bundled dataset) or --data FILE.csv (your own), not both" + Environment.NewLine);
        output.ShouldBeEmpty();
        var (noData, _, noDataError) = CliRunner.Run("sweep", "--dataset", "german", "--target", "y", "--methods", "erm", "--out", folder);
        noData.ShouldBe(ExitCodes.BadInput);
        noDataError.ShouldBe("fairsharp: --target applies to a CSV given with --data (or --train/--valid/--test)" + Environment.NewLine);
        var (missing, _, missingError) = CliRunner.Run("sweep", "--data", data, "--target", "approved", "--sensitive", "race", "--methods", "erm", "--out", folder);
        missing.ShouldBe(ExitCodes.BadInput);
        missingError.TrimEnd().Split('\n').Length.ShouldBe(1);
        missingError.ShouldContain("race");
        Directory.Exists(folder).ShouldBeFalse();
    }
}
