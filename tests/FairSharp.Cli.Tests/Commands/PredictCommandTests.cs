using System.Globalization;
using System.Text.Json;

namespace FairSharp.Cli.Tests.Commands;

/// <summary>The user's-data journey: train --data → predict → audit, and its bad inputs.</summary>
public sealed class PredictCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-predict-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Table(string name, int rows, int seed) => LoanTable.Write(Path.Combine(root, name), rows, seed, spreadsheetExport: true);

    private (string Model, string Test) Train(params string[] extra)
    {
        var model = Path.Combine(root, "model");
        var test = Table("test.csv", 300, 3);
        var (exit, _, error) = CliRunner.Run(["train", "--train", Table("train.csv", 600, 1), "--valid", Table("valid.csv", 200, 2), "--test", test,
            "--target", "approved", "--sensitive", "sex", "--drop", "id", "--steps", "20", "--threads", "1", "--out", model, .. extra]);
        exit.ShouldBe(ExitCodes.Success, error);
        return (model, test);
    }

    [Fact]
    public void Predict_on_the_test_rows_reproduces_the_test_metrics_of_result_json_through_audit()
    {
        var (model, test) = Train();
        Directory.GetFiles(model).Select(Path.GetFileName).Order().ShouldBe(["manifest.json", "model.bin", "preprocessing.json", "result.json"]);
        var scores = Path.Combine(root, "scores.csv");
        var (exit, output, error) = CliRunner.Run("predict", "--model", model, "--input", test, "--out", scores, "--keep", "id");
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldStartWith("scored 300 rows");
        File.ReadLines(scores).First().ShouldBe("approved,sex,id,score,prediction");

        var audit = CliRunner.Run("audit", "--input", scores, "--y-true", "approved", "--pos-label", "yes", "--score", "score", "--sensitive", "sex");
        audit.Exit.ShouldBe(ExitCodes.Success, audit.Err);
        AuditMatch.ShouldReproduceTestMetrics(audit.Out, Path.Combine(model, "result.json"));
    }

    [Fact]
    public void The_manifest_hashes_preprocessing_json_and_a_tampered_copy_is_refused()
    {
        var (model, test) = Train();
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "manifest.json"))))
        {
            manifest.RootElement.GetProperty("files").GetProperty("preprocessing.json").GetString().ShouldNotBeNullOrEmpty();
        }

        var preprocessing = Path.Combine(model, "preprocessing.json");
        File.WriteAllText(preprocessing, File.ReadAllText(preprocessing).Replace("\"median\": ", "\"median\": 1", StringComparison.Ordinal));
        var scores = Path.Combine(root, "tampered.csv");
        var (exit, _, error) = CliRunner.Run("predict", "--model", model, "--input", test, "--out", scores);
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldStartWith($"fairsharp: {preprocessing}: sha256 ");
        error.ShouldEndWith(": the file was changed after training" + Environment.NewLine);
        File.Exists(scores).ShouldBeFalse();
    }

    [Fact]
    public void A_predict_input_missing_a_column_is_one_line_and_nothing_is_written()
    {
        var (model, _) = Train();
        var input = Path.Combine(root, "nojob.csv");
        File.WriteAllText(input, "income,sex\n12.5,F\n");
        var scores = Path.Combine(root, "out.csv");
        var (exit, _, error) = CliRunner.Run("predict", "--model", model, "--input", input, "--out", scores);
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldBe($"fairsharp: {input}: column 'job' not found in the header" + Environment.NewLine);
        File.Exists(scores).ShouldBeFalse();
    }

    [Fact]
    public void An_unseen_category_scores_with_a_warning()
    {
        var (model, _) = Train();
        var input = Path.Combine(root, "new.csv");
        File.WriteAllText(input, "income,job,sex\n12.5,pilot,F\n30,nurse,M\n");
        var scores = Path.Combine(root, "new-scores.csv");
        var (exit, _, error) = CliRunner.Run("predict", "--model", model, "--input", input, "--out", scores);
        exit.ShouldBe(ExitCodes.Success, error);
        error.ShouldBe("fairsharp: warning: 1 row(s) have a 'job' category unseen in training (encoded as all zeros)" + Environment.NewLine);
        File.ReadAllLines(scores).Length.ShouldBe(3);
    }

    [Fact]
    public void Rationale_stitch_and_export_open_a_csv_model_and_read_its_data_again()
    {
        var (model, _) = Train();
        var rationale = CliRunner.Run("rationale", "--model", model, "--threads", "1");
        rationale.Exit.ShouldBe(ExitCodes.Success, rationale.Err);
        rationale.Out.ShouldNotBeNullOrWhiteSpace();

        var stitched = Path.Combine(root, "stitched");
        var stitch = CliRunner.Run("stitch", "--backbone", model, "--epochs", "2", "--threads", "1", "--no-cache", "--out", stitched);
        stitch.Exit.ShouldBe(ExitCodes.Success, stitch.Err);
        File.Exists(Path.Combine(stitched, "result.json")).ShouldBeTrue();

        var moved = Path.Combine(root, "moved-train.csv");
        File.Move(Path.Combine(root, "train.csv"), moved);
        var lost = CliRunner.Run("rationale", "--model", model, "--threads", "1");
        lost.Exit.ShouldBe(ExitCodes.BadInput);
        lost.Err.ShouldBe($"fairsharp: {Path.Combine(root, "train.csv")}: file not found" + Environment.NewLine);

        var onnx = Path.Combine(root, "model.onnx");
        var export = CliRunner.Run("export", "--model", model, "--format", "onnx", "--out", onnx);
        export.Exit.ShouldBe(ExitCodes.Success, export.Err);
        export.Out.ShouldStartWith($"wrote {onnx}: inputs numeric, job; output probability");
        CliRunner.Run("export", "--model", model, "--format", "pmml", "--out", onnx).Err
            .ShouldBe("fairsharp: unknown export format 'pmml' (expected onnx)" + Environment.NewLine);
    }

    public static TheoryData<string, string[], string> BadData => new()
    {
        { "approved", ["--sensitive", "race"], "fairsharp: {0}: column 'race' not found in the header" },
        { "label", ["--sensitive", "sex"], "fairsharp: {0}: column 'label' not found in the header" },
        { "job", ["--sensitive", "sex"], "fairsharp: {0}: target column 'job' has 4 values ('clerk', 'nurse', 'teacher', 'welder'); a binary target needs two, or name the positive one with --positive" },
        { "approved", ["--sensitive", "sex", "--dataset", "adult"], "fairsharp: give --dataset NAME (a bundled dataset) or --data FILE.csv (your own), not both" },
        { "approved", ["--sensitive", "sex", "--split", "0.5,0.5"], "fairsharp: --split must be three fractions train,validation,test (e.g. 0.6,0.2,0.2), got '0.5,0.5'" },
    };

    [Theory]
    [MemberData(nameof(BadData))]
    public void Bad_data_exits_2_with_one_line_and_writes_nothing(string target, string[] options, string message)
    {
        var data = Table("data.csv", 100, 5);
        var dir = Path.Combine(root, "bad");
        var (exit, output, error) = CliRunner.Run(["train", "--data", data, "--target", target, "--steps", "2", "--threads", "1", "--out", dir, .. options]);
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldBe(string.Format(CultureInfo.InvariantCulture, message, data) + Environment.NewLine);
        output.ShouldBeEmpty();
        Directory.Exists(dir).ShouldBeFalse();
        Directory.GetFileSystemEntries(root).Select(Path.GetFileName).ShouldBe(["data.csv"]);
    }
}
