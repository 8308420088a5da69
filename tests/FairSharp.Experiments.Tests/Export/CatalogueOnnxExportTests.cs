using System.Globalization;
using System.Text.Json;
using FairSharp.Data;
using FairSharp.Data.Catalogue;
using FairSharp.Experiments.Export;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Runs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FairSharp.Experiments.Tests.Export;

/// <summary>A catalogue model (<c>--dataset adult|german</c>, protocol ffb) exports with its encoder in the graph.</summary>
public sealed class CatalogueOnnxExportTests : IDisposable
{
    private static readonly string[] AdultColumns =
    [
        "age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship",
        "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income",
    ];

    private static readonly string[] GermanColumns =
    [
        "status", "month", "credit_history", "purpose", "credit_amount", "savings", "employment",
        "investment_as_income_percentage", "sex", "other_debtors", "residence_since", "property", "age",
        "installment_plans", "housing", "number_of_credits", "skill_level", "people_liable_for", "telephone",
        "foreign_worker", "credit",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-catalogue-onnx-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private TrainedModel Train(string dataset)
    {
        var data = DatasetLoader.Prepare(new DataRequest(dataset, ["sex"], Seed: 3));
        var dir = Path.Combine(root, dataset);
        TrainingRun.Execute(new TrainRequest(data.Dataset, data.Sensitive, "gapreg") { Steps = 20, Threads = 1, Hidden = [32, 16] }, data, dir);
        return TrainedModel.Load(dir);
    }

    // Scores the raw lines with ONNX Runtime (each input filled from the line's fields by value(fields, column)) and
    // with FairSharp (TrainedModel.ReadCatalogueRows: the catalogue's reader and encoder), and compares.
    private static void ShouldAgree(TrainedModel model, string onnx, string rawFile, string[] lines, char separator, Func<string[], string, string> value)
    {
        var expected = model.Predict(model.ReadCatalogueRows(rawFile).Encoded).Scores;
        using var session = new InferenceSession(onnx);
        var preprocessing = JsonDocument.Parse(session.ModelMetadata.CustomMetadataMap["fairsharp.preprocessing"]).RootElement;
        var numeric = preprocessing.GetProperty("numeric").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        var categorical = preprocessing.GetProperty("categorical").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        session.InputMetadata.Keys.Order(StringComparer.Ordinal).ShouldBe(categorical.Append(OnnxExport.NumericInput).Order(StringComparer.Ordinal));

        var n = lines.Length;
        var numbers = new DenseTensor<float>([n, numeric.Length]);
        var texts = categorical.Select(_ => new DenseTensor<string>([n, 1])).ToArray();
        for (var i = 0; i < n; i++)
        {
            var fields = lines[i].Split(separator).Select(f => f.Trim()).ToArray();
            for (var c = 0; c < numeric.Length; c++)
            {
                numbers[i, c] = float.Parse(value(fields, numeric[c]), CultureInfo.InvariantCulture);
            }

            for (var c = 0; c < categorical.Length; c++)
            {
                texts[c][i, 0] = value(fields, categorical[c]);
            }
        }

        var inputs = categorical.Select((name, c) => NamedOnnxValue.CreateFromTensor(name, texts[c])).Prepend(NamedOnnxValue.CreateFromTensor(OnnxExport.NumericInput, numbers)).ToArray();
        using var results = session.Run(inputs);
        var actual = results.Single(r => r.Name == OnnxExport.Output).AsEnumerable<float>().ToArray();
        actual.Length.ShouldBe(n);
        expected.Length.ShouldBe(n);
        for (var i = 0; i < n; i++)
        {
            Math.Abs(actual[i] - expected[i]).ShouldBeLessThan(1e-5f, $"row {i}");
        }

        expected.Distinct().Count().ShouldBeGreaterThan(100);
    }

    [Fact]
    public void An_adult_model_exports_and_onnx_runtime_scores_1000_raw_adult_test_rows_as_fairsharp_to_1e_5()
    {
        using var model = Train("adult");
        var onnx = Path.Combine(root, "adult.onnx");
        var proto = OnnxExport.Write(model, onnx);
        proto.MetadataProps.Select(p => p.Key).ShouldBe(OnnxExport.CardKeys);

        // The first 1,000 rows of adult.test, '?' (never in the encoder's categories: an all-zero one-hot row) included.
        var lines = File.ReadLines(Path.Combine(DataDirectory.Locate(null), "adult", "adult.test")).Skip(1).Where(l => l.Length > 0).Take(1000).ToArray();
        lines.Count(l => l.Contains('?', StringComparison.Ordinal)).ShouldBeGreaterThan(10);
        var raw = Path.Combine(root, "rows.test");
        File.WriteAllLines(raw, lines);
        ShouldAgree(model, onnx, raw, lines, ',', (fields, column) => fields[Array.IndexOf(AdultColumns, column)]);

        var card = proto.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        card["fairsharp.dataset"].ShouldBe("adult");
        card["fairsharp.data_sha256"].ShouldBe(model.Manifest.Data.DataSha256);
        card["fairsharp.test_by_group"].ShouldContain("sex=Male");
    }

    [Fact]
    public void A_german_model_exports_and_onnx_runtime_scores_every_german_row_as_fairsharp_to_1e_5()
    {
        using var model = Train("german");
        var onnx = Path.Combine(root, "german.onnx");
        OnnxExport.Write(model, onnx);
        var raw = Path.Combine(DataDirectory.Locate(null), "german", "german.data");
        var lines = File.ReadLines(raw).Where(l => l.Length > 0).ToArray();

        // The catalogue reader's input 'age' is the bucket of the raw age (documented in CatalogueEncoding).
        ShouldAgree(model, onnx, raw, lines, ' ', (fields, column) =>
        {
            var text = fields[Array.IndexOf(GermanColumns, column)];
            return column == "age" ? (double.Parse(text, CultureInfo.InvariantCulture) > 25 ? ">25" : "<=25") : text;
        });
    }

    [Fact]
    public void A_model_on_a_catalogue_dataset_without_a_raw_row_encoder_is_refused_in_one_line()
    {
        var data = DatasetLoader.Prepare(new DataRequest("compas", ["race"], Seed: 1));
        var dir = Path.Combine(root, "compas");
        TrainingRun.Execute(new TrainRequest(data.Dataset, data.Sensitive, "erm") { Steps = 2, Threads = 1, Hidden = [8] }, data, dir);
        using var model = TrainedModel.Load(dir);
        var onnx = Path.Combine(root, "compas.onnx");
        Should.Throw<InvalidInputException>(() => OnnxExport.Write(model, onnx)).Message
            .ShouldBe($"{dir}: a model trained with --dataset compas (protocol ffb) does not export to ONNX: only adult and german (protocol ffb) have a raw-row encoder; train on the dataset's CSV with --data to export");
        File.Exists(onnx).ShouldBeFalse();
    }
}
