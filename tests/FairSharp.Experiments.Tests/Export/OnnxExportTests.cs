using System.Globalization;
using System.Text;
using FairSharp.Data.Csv;
using FairSharp.Experiments.Export;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Runs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FairSharp.Experiments.Tests.Export;

public sealed class OnnxExportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-onnx-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Trains a small MLP on a seeded CSV with missing numbers, a missing category and an integer code.</summary>
    private string TrainModel()
    {
        var random = new Random(7);
        var text = new StringBuilder("income,hours,job,region,sex,y\n");
        string[] jobs = ["clerk", "nurse", "welder", "teacher", ""];
        for (var i = 0; i < 1600; i++)
        {
            var sex = random.Next(2);
            var income = (random.NextDouble() * 80) + (sex * 15);
            var job = jobs[random.Next(jobs.Length)];
            var y = income + (job == "nurse" ? 20 : 0) + (random.NextDouble() * 30) > 60 ? 1 : 0;
            var incomeText = i % 13 == 0 ? "NA" : income.ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{incomeText},{20 + random.Next(40)},{job},{random.Next(4)},{(sex == 1 ? "M" : "F")},{y}\n");
        }

        var file = Path.Combine(root, "data.csv");
        File.WriteAllText(file, text.ToString());
        var data = TabularSource.FromCsv(new CsvDataOptions("y", ["sex"]) { DataFile = file, Categorical = ["region"] });
        var dir = Path.Combine(root, "model");
        TrainingRun.Execute(new TrainRequest(data.Dataset, data.Sensitive, "gapreg") { Steps = 30, Threads = 1, Hidden = [32, 16] }, data, dir);
        return dir;
    }

    [Fact]
    public void Onnx_runtime_scores_equal_fairsharp_to_1e_5_on_1000_rows_with_the_card_in_metadata()
    {
        using var model = TrainedModel.Load(TrainModel());
        var onnx = Path.Combine(root, "model.onnx");
        OnnxExport.Write(model, onnx);

        var random = new Random(11);
        string[] jobs = ["clerk", "nurse", "welder", "teacher", "", "pilot"];
        const int n = 1000;
        var records = new List<string[]>();
        for (var i = 0; i < n; i++)
        {
            var income = i % 17 == 0 ? "" : (random.NextDouble() * 100).ToString("R", CultureInfo.InvariantCulture);
            records.Add([income, (18 + random.Next(50)).ToString(CultureInfo.InvariantCulture), jobs[random.Next(jobs.Length)], random.Next(5).ToString(CultureInfo.InvariantCulture)]);
        }

        var rows = TabularRows.FromRecords(["income", "hours", "job", "region"], records);
        var expected = model.Predict(rows).Scores;

        using var session = new InferenceSession(onnx);
        var numeric = new DenseTensor<float>([n, 2]);
        var job = new DenseTensor<string>([n, 1]);
        var region = new DenseTensor<string>([n, 1]);
        for (var i = 0; i < n; i++)
        {
            numeric[i, 0] = records[i][0].Length == 0 ? float.NaN : float.Parse(records[i][0], CultureInfo.InvariantCulture);
            numeric[i, 1] = float.Parse(records[i][1], CultureInfo.InvariantCulture);
            job[i, 0] = records[i][2];
            region[i, 0] = records[i][3];
        }

        using var results = session.Run(
        [
            NamedOnnxValue.CreateFromTensor(OnnxExport.NumericInput, numeric),
            NamedOnnxValue.CreateFromTensor("job", job),
            NamedOnnxValue.CreateFromTensor("region", region),
        ]);
        var actual = results.Single(r => r.Name == OnnxExport.Output).AsEnumerable<float>().ToArray();
        actual.Length.ShouldBe(n);
        for (var i = 0; i < n; i++)
        {
            Math.Abs(actual[i] - expected[i]).ShouldBeLessThan(1e-5f, $"row {i}");
        }

        expected.Distinct().Count().ShouldBeGreaterThan(100);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        metadata.Keys.Order(StringComparer.Ordinal).ShouldBe(OnnxExport.CardKeys.Order(StringComparer.Ordinal));
        metadata["fairsharp.method"].ShouldBe("gapreg");
        metadata["fairsharp.data_sha256"].ShouldBe(model.Manifest.Data.DataSha256);
        metadata["fairsharp.test_metrics"].ShouldContain("\"demographic_parity_difference\":");
        metadata["fairsharp.test_by_group"].ShouldContain("sex=F");
    }

    [Fact]
    public void The_ml_net_example_scores_a_csv_through_ApplyOnnxModel_equal_to_fairsharp_to_1e_5()
    {
        using var model = TrainedModel.Load(TrainModel());
        var onnx = Path.Combine(root, "model.onnx");
        OnnxExport.Write(model, onnx);

        // Columns in another order than the model's, an extra column, quoted text, missing numbers and categories, an
        // unseen category: the scorer matches columns by name as predict does.
        var random = new Random(12);
        string[] jobs = ["clerk", "nurse", "\"welder\"", "teacher", "", "pilot"];
        var text = new StringBuilder("id,job,region,hours,income\n");
        for (var i = 0; i < 1000; i++)
        {
            var income = i % 19 == 0 ? "" : (random.NextDouble() * 100).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{jobs[random.Next(jobs.Length)]},{random.Next(5)},{18 + random.Next(50)},{income}\n");
        }

        var rows = Path.Combine(root, "rows.csv");
        File.WriteAllText(rows, text.ToString());
        var expected = model.Predict(TabularRows.ReadCsv([rows], separator: ',')).Scores;

        var actual = FairSharp.OnnxMlNet.OnnxScorer.Score(onnx, rows);
        actual.Length.ShouldBe(1000);
        for (var i = 0; i < actual.Length; i++)
        {
            Math.Abs(actual[i] - expected[i]).ShouldBeLessThan(1e-5f, $"row {i}");
        }

        expected.Distinct().Count().ShouldBeGreaterThan(100);
        var (numeric, categorical) = FairSharp.OnnxMlNet.OnnxScorer.InputColumns(onnx);
        numeric.ShouldBe(["income", "hours"]);
        categorical.ShouldBe(["job", "region"]);
    }
}
