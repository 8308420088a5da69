using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;

namespace FairSharp.OnnxMlNet;

/// <summary>
/// Scores the rows of a CSV file with a FairSharp model exported to ONNX, through ML.NET's <c>ApplyOnnxModel</c>. The
/// graph takes the raw columns: one float vector <c>numeric</c> (the numeric columns in the order the export lists
/// them; a missing value is NaN and the graph imputes the training median) and one text column per categorical input,
/// named as the column. Both lists are read from the model's own <c>fairsharp.preprocessing</c> metadata, so the CSV
/// only needs a header with those names (any order, extra columns ignored).
/// </summary>
public static class OnnxScorer
{
    /// <summary>The graph's input holding the numeric columns.</summary>
    public const string NumericInput = "numeric";

    /// <summary>The graph's output: P(y = 1 | x), one per row.</summary>
    public const string Output = "probability";

    /// <summary>P(y = 1 | x) for every data row of <paramref name="csvPath"/> (header row first, fields separated by
    /// <paramref name="separator"/>, RFC 4180 quotes).</summary>
    public static float[] Score(string onnxPath, string csvPath, char separator = ',')
    {
        var (numeric, categorical) = InputColumns(onnxPath);
        var header = ReadHeader(csvPath, separator);
        int Index(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{csvPath}: no column '{name}' (the model reads it)");

        var columns = new List<TextLoader.Column>();
        if (numeric.Count > 0)
        {
            // One range per column, in the model's order: the ranges give the vector's slots in that order.
            columns.Add(new TextLoader.Column(NumericInput, DataKind.Single, numeric.Select(n => new TextLoader.Range(Index(n))).ToArray()));
        }

        columns.AddRange(categorical.Select(c => new TextLoader.Column(c, DataKind.String, Index(c))));
        var ml = new MLContext(seed: 0);
        var rows = ml.Data.LoadFromTextFile(csvPath, new TextLoader.Options
        {
            Columns = [.. columns],
            Separators = [separator],
            HasHeader = true,
            AllowQuoting = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
        });
        string[] inputs = [.. numeric.Count > 0 ? [NumericInput] : Array.Empty<string>(), .. categorical];
        var pipeline = ml.Transforms.ApplyOnnxModel(outputColumnNames: [Output], inputColumnNames: inputs, modelFile: onnxPath);
        var scored = pipeline.Fit(rows).Transform(rows);
        return scored.GetColumn<float[]>(Output).Select(p => p[0]).ToArray();
    }

    /// <summary>The numeric and the categorical input columns of an exported model, from its metadata.</summary>
    public static (IReadOnlyList<string> Numeric, IReadOnlyList<string> Categorical) InputColumns(string onnxPath)
    {
        using var session = new InferenceSession(onnxPath);
        using var preprocessing = JsonDocument.Parse(session.ModelMetadata.CustomMetadataMap["fairsharp.preprocessing"]);
        static string[] Names(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        return (Names(preprocessing.RootElement.GetProperty("numeric")), Names(preprocessing.RootElement.GetProperty("categorical")));
    }

    private static string[] ReadHeader(string csvPath, char separator)
    {
        using var reader = new StreamReader(csvPath);
        var line = reader.ReadLine() ?? throw new InvalidDataException($"{csvPath}: empty file");
        return line.Split(separator).Select(h => h.Trim().Trim('"')).ToArray();
    }
}
