using System.Text.Json;
using FairSharp.Data;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;
using FairSharp.Data.Sources;
using FairSharp.Data.Tabular;

namespace FairSharp.Cli.Tests.Commands;

/// <summary>A catalogue model (<c>train --dataset adult|german</c>) scores rows of its dataset's raw file format.</summary>
public sealed class CataloguePredictTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-catalogue-predict-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Train(string dataset, string sensitive)
    {
        var model = Path.Combine(root, dataset);
        var (exit, _, error) = CliRunner.Run("train", "--dataset", dataset, "--sensitive", sensitive, "--seed", "3", "--steps", "20",
            "--hidden", "32", "--threads", "1", "--out", model);
        exit.ShouldBe(ExitCodes.Success, error);
        return model;
    }

    // The raw lines of the model's test split, in the dataset's own file format, read by the catalogue's reader.
    private static IEnumerable<string> TestLines(string dataset, RawTable table, int[] sourceRows, string separator)
    {
        var data = DatasetLoader.LoadTabular(dataset, DataDirectory.Locate(null), verify: true);
        var (_, rows, _, _, _, _, _, test) = FfbTabularPipeline.Fit(data, new DataRequest(dataset, ["sex"], Seed: 3));
        return test.Select(t => string.Join(separator, table[sourceRows[rows[t]]]));
    }

    private void PredictReproducesTheTestMetrics(string model, string input, int rows)
    {
        var scores = Path.Combine(root, Path.GetFileName(model) + "-scores.csv");
        var (exit, output, error) = CliRunner.Run("predict", "--model", model, "--input", input, "--out", scores);
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldStartWith($"scored {rows} rows");
        File.ReadLines(scores).First().ShouldBe("y,sex,score,prediction");

        var audit = CliRunner.Run("audit", "--input", scores, "--y-true", "y", "--pos-label", "1", "--score", "score", "--sensitive", "sex");
        audit.Exit.ShouldBe(ExitCodes.Success, audit.Err);
        AuditMatch.ShouldReproduceTestMetrics(audit.Out, Path.Combine(model, "result.json"));
    }

    [Fact]
    public void An_adult_model_scores_adult_test_format_rows_and_audit_reproduces_its_test_metrics()
    {
        var model = Train("adult", "sex");
        var (table, _) = AdultSource.Read(DataDirectory.Locate(null), verify: true);
        var complete = Enumerable.Range(0, table.Count).Where(r => !table[r].Contains("?")).ToArray();
        var lines = TestLines("adult", table, complete, ", ").ToArray();
        var input = Path.Combine(root, "rows.test");
        File.WriteAllLines(input, ["|1x3 Cross validator", .. lines]);
        PredictReproducesTheTestMetrics(model, input, lines.Length);
    }

    [Fact]
    public void A_german_model_scores_german_data_format_rows_and_audit_reproduces_its_test_metrics()
    {
        var model = Train("german", "sex");
        var source = SourceBytes.Load(BundledFiles.Of("german")[0], DataDirectory.Locate(null), verify: true);
        var table = new RawTable(Enumerable.Range(0, 21).Select(i => $"c{i}").ToArray());
        TextReaders.ReadSimple(table, source, ' ', 0);
        var lines = TestLines("german", table, Enumerable.Range(0, table.Count).ToArray(), " ").ToArray();
        var input = Path.Combine(root, "rows.data");
        File.WriteAllLines(input, lines);
        PredictReproducesTheTestMetrics(model, input, lines.Length);
    }

    [Fact]
    public void A_german_model_exports_to_onnx_with_its_encoder_fitted_again_from_the_bundled_data()
    {
        var model = Train("german", "sex");
        var onnx = Path.Combine(root, "german.onnx");
        var (exit, output, error) = CliRunner.Run("export", "--model", model, "--format", "onnx", "--out", onnx);
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("'numeric' takes the raw numeric columns in this order (NaN = missing): month, credit_amount, investment_as_income_percentage, residence_since, number_of_credits, people_liable_for");
        output.ShouldContain("the encoder of --dataset german was fitted again from the bundled data");
        File.Exists(onnx).ShouldBeTrue();

        var elsewhere = CliRunner.Run("export", "--model", model, "--format", "onnx", "--out", Path.Combine(root, "none.onnx"), "--data-dir", root);
        elsewhere.Exit.ShouldBe(ExitCodes.BadInput);
        File.Exists(Path.Combine(root, "none.onnx")).ShouldBeFalse();
    }

    [Fact]
    public void Unsupported_catalogue_models_and_csv_options_are_one_line_and_exit_2()
    {
        var model = Train("german", "sex");
        var input = Path.Combine(root, "rows.data");
        File.WriteAllText(input, "A11 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 A173 1 A192 A201 1\n");
        var scores = Path.Combine(root, "scores.csv");

        var keep = CliRunner.Run("predict", "--model", model, "--input", input, "--out", scores, "--keep", "id");
        keep.Exit.ShouldBe(ExitCodes.BadInput);
        keep.Err.Trim().ShouldBe($"fairsharp: --keep applies to models trained with --data; {model} was trained with --dataset german and scores that dataset's raw file format");
        File.Exists(scores).ShouldBeFalse();


        Should.Throw<InvalidInputException>(() => CatalogueRows.Read(new DataRequest("compas", ["race"]), input))
            .Message.ShouldBe("a compas model (protocol ffb) cannot score raw rows: predict reads the raw files of adult and german (protocol ffb) and the CSV of a model trained with --data");
    }
}
