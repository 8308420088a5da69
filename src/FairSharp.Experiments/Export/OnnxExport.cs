using System.Globalization;
using System.Text.Json;
using FairSharp.Data;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Csv;
using FairSharp.Data.Protocols;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Models;
using FairSharp.Training.Runs;
using Google.Protobuf;
using Onnx;

namespace FairSharp.Experiments.Export;

/// <summary>
/// Writes a tabular MLP model as ONNX (opset 17 + ai.onnx.ml 2) with its preprocessing inside the graph. A model
/// trained with <c>--data</c> (<see cref="TabularPreprocessing"/>):
/// <list type="bullet">
/// <item>input <c>numeric</c>, float [N, k]: the raw numeric columns in <see cref="TabularPreprocessing.Numeric"/> order,
/// NaN for a missing value (imputed with the training median by <c>IsNaN</c>/<c>Where</c>), then standardised
/// (<c>Sub</c> mean, <c>Div</c> scale);</item>
/// <item>one string input [N, 1] per categorical column, named as the column: missing markers mapped to
/// <see cref="TabularPreprocessing.MissingCategory"/> (<c>LabelEncoder</c>) and one-hot encoded (<c>OneHotEncoder</c>
/// with <c>zeros = 1</c>: an unseen category is an all-zero row, as in FairSharp).</item>
/// </list>
/// A model trained on a catalogue dataset (<c>--dataset adult|german</c>, protocol ffb; <see cref="CatalogueEncoding"/>,
/// fitted again from the bundled files as <c>predict</c> does and checked against the manifest's data hash):
/// <list type="bullet">
/// <item>input <c>numeric</c>, float [N, k]: the catalogue's numeric columns, standardised in FFB's arithmetic bit for
/// bit, float32(float32(x − mean) / scale) computed in double between two <c>Cast</c>s;</item>
/// <item>one string input [N, 1] per categorical column (the catalogue reader's values), one-hot encoded over the
/// categories of every kept row (<c>OneHotEncoder</c>, <c>zeros = 1</c>).</item>
/// </list>
/// Then the network: <c>Gemm</c> + <c>Relu</c> per hidden layer (dropout is the identity at inference), <c>Gemm</c>
/// head, <c>Sigmoid</c>: output <c>probability</c>, float [N, 1] = P(y = 1 | x). The model's fairness card travels in
/// <c>metadata_props</c> (<see cref="CardKeys"/>); <c>fairsharp.preprocessing</c> holds the encoder as JSON.
/// </summary>
public static class OnnxExport
{
    /// <summary>Error text: only MLPs export (format: folder, architecture).</summary>
    public const string OnlyMlp = "{0}: ONNX export supports mlp models, not '{1}'";

    /// <summary>Error text: an unknown format (format: the format).</summary>
    public const string UnknownFormat = "unknown export format '{0}' (expected onnx)";

    /// <summary>Name of the numeric input.</summary>
    public const string NumericInput = "numeric";

    /// <summary>Name of the output.</summary>
    public const string Output = "probability";

    /// <summary>Error text: an MLP trained on a catalogue dataset without a raw-row encoder (format: folder, dataset, protocol).</summary>
    public const string CatalogueModel = "{0}: a model trained with --dataset {1} (protocol {2}) does not export to ONNX: only adult and german (protocol ffb) have a raw-row encoder; train on the dataset's CSV with --data to export";

    /// <summary>The metadata_props keys of the fairness card, in order.</summary>
    public static IReadOnlyList<string> CardKeys { get; } =
    [
        "fairsharp.method", "fairsharp.constraint", "fairsharp.method_options", "fairsharp.seed",
        "fairsharp.dataset", "fairsharp.data_sha256", "fairsharp.sensitive", "fairsharp.groups", "fairsharp.threshold",
        "fairsharp.test_metrics", "fairsharp.test_by_group", "fairsharp.definitions", "fairsharp.preprocessing",
    ];

    /// <summary>The numeric input columns of <paramref name="model"/>'s graph, in order (<paramref name="dataDirectory"/>:
    /// the bundled data of a catalogue model, null = <see cref="Data.Catalogue.DataDirectory.Locate"/>).</summary>
    public static IReadOnlyList<string> NumericColumns(TrainedModel model, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Preprocessing is { } pre
            ? pre.Numeric.Select(n => n.Name).ToArray()
            : Catalogue(model, dataDirectory).Numeric.Select(n => n.Name).ToArray();
    }

    /// <summary>Builds the ONNX model of <paramref name="model"/>; a catalogue model's encoder is fitted again from the
    /// bundled data in <paramref name="dataDirectory"/> (null = <see cref="Data.Catalogue.DataDirectory.Locate"/>).</summary>
    /// <exception cref="InvalidInputException">The model is not an MLP, is a catalogue model without a raw-row encoder,
    /// or its bundled data differs from the manifest's.</exception>
    public static ModelProto Build(TrainedModel model, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Manifest.Model.Architecture != ModelSpec.MlpName)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, OnlyMlp, model.Folder, model.Manifest.Model.Architecture));
        }

        var graph = new GraphProto { Name = "fairsharp_" + model.Label };
        var parts = new List<string>();
        string encoderJson;
        if (model.Preprocessing is { } pre)
        {
            AddCsvPreprocessing(graph, parts, pre);
            encoderJson = JsonSerializer.Serialize(pre, JsonFiles.Compact);
        }
        else
        {
            var encoding = Catalogue(model, dataDirectory);
            AddCataloguePreprocessing(graph, parts, encoding);
            encoderJson = JsonSerializer.Serialize(encoding, JsonFiles.Compact);
        }

        var concat = Node("Concat", parts, ["features"]);
        concat.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(concat);

        var state = model.Network.state_dict();
        var hidden = model.Manifest.Model.Hidden.Count;
        var x = "features";
        for (var i = 0; i <= hidden; i++)
        {
            var prefix = i < hidden ? $"stages.{i}.linear" : "head";
            graph.Initializer.Add(Weights(prefix + ".weight", state[prefix + ".weight"]));
            graph.Initializer.Add(Weights(prefix + ".bias", state[prefix + ".bias"]));
            var gemm = Node("Gemm", [x, prefix + ".weight", prefix + ".bias"], [i < hidden ? $"z{i + 1}" : "logit"]);
            gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            graph.Node.Add(gemm);
            if (i < hidden)
            {
                graph.Node.Add(Node("Relu", [$"z{i + 1}"], [$"h{i + 1}"]));
                x = $"h{i + 1}";
            }
        }

        graph.Node.Add(Node("Sigmoid", ["logit"], [Output]));
        graph.Output.Add(Input(Output, TensorProto.Types.DataType.Float, 1));

        var proto = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "FairSharp",
            ProducerVersion = PackageVersions.Current()["fairsharp"],
            DocString = "FairSharp model: preprocessing + MLP; output probability = P(y = 1 | x). Fairness card in metadata_props (fairsharp.*).",
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx.ml", Version = 2 });
        foreach (var (key, value) in Card(model, encoderJson))
        {
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return proto;
    }

    /// <summary>Builds the ONNX model of <paramref name="model"/> and writes it to <paramref name="path"/> atomically.</summary>
    public static ModelProto Write(TrainedModel model, string path, string? dataDirectory = null)
    {
        var proto = Build(model, dataDirectory);
        AtomicFile.Write(path, temp => File.WriteAllBytes(temp, proto.ToByteArray()));
        return proto;
    }

    private static CatalogueEncoding Catalogue(TrainedModel model, string? dataDirectory)
    {
        var c = model.Config;
        return CatalogueRows.Datasets.Contains(c.Dataset, StringComparer.Ordinal) && string.Equals(c.Protocol, FfbProtocol.ProtocolName, StringComparison.Ordinal)
            ? model.ReadCatalogueEncoding(dataDirectory)
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, CatalogueModel, model.Folder, c.Dataset, c.Protocol));
    }

    private static void AddCsvPreprocessing(GraphProto graph, List<string> parts, TabularPreprocessing pre)
    {
        if (pre.Numeric.Count > 0)
        {
            graph.Input.Add(Input(NumericInput, TensorProto.Types.DataType.Float, pre.Numeric.Count));
            graph.Initializer.Add(Floats("median", pre.Numeric.Select(n => n.Median)));
            graph.Initializer.Add(Floats("mean", pre.Numeric.Select(n => n.Mean)));
            graph.Initializer.Add(Floats("scale", pre.Numeric.Select(n => n.Scale)));
            graph.Node.Add(Node("IsNaN", [NumericInput], ["numeric_missing"]));
            graph.Node.Add(Node("Where", ["numeric_missing", "median", NumericInput], ["numeric_imputed"]));
            graph.Node.Add(Node("Sub", ["numeric_imputed", "mean"], ["numeric_centred"]));
            graph.Node.Add(Node("Div", ["numeric_centred", "scale"], ["numeric_standardised"]));
            parts.Add("numeric_standardised");
        }

        for (var c = 0; c < pre.Categorical.Count; c++)
        {
            var feature = pre.Categorical[c];
            graph.Input.Add(Input(feature.Name, TensorProto.Types.DataType.String, 1));
            var source = feature.Name;
            if (feature.Categories.Contains(TabularPreprocessing.MissingCategory, StringComparer.Ordinal))
            {
                var keys = feature.Categories.Concat(pre.MissingValues.Where(m => !feature.Categories.Contains(m, StringComparer.Ordinal))).ToArray();
                var values = keys.Select((k, i) => i < feature.Categories.Count ? k : TabularPreprocessing.MissingCategory).ToArray();
                var mapped = $"cat{c}_mapped";
                var encoder = Node("LabelEncoder", [source], [mapped], "ai.onnx.ml");
                encoder.Attribute.Add(Strings("keys_strings", keys));
                encoder.Attribute.Add(Strings("values_strings", values));
                encoder.Attribute.Add(new AttributeProto { Name = "default_string", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("\u0001unseen") });
                graph.Node.Add(encoder);
                source = mapped;
            }

            parts.Add(OneHot(graph, c, source, feature.Categories));
        }
    }

    // FFB's float32 arithmetic, float32(float32(float32(x) − μ) / σ) with μ and σ doubles: the input is float32(x); each
    // step runs in double and is rounded to float by a Cast, so the graph's inputs equal FairSharp's bit for bit.
    private static void AddCataloguePreprocessing(GraphProto graph, List<string> parts, CatalogueEncoding encoding)
    {
        if (encoding.Numeric.Count > 0)
        {
            graph.Input.Add(Input(NumericInput, TensorProto.Types.DataType.Float, encoding.Numeric.Count));
            graph.Initializer.Add(Doubles("mean", encoding.Numeric.Select(n => n.Mean)));
            graph.Initializer.Add(Doubles("scale", encoding.Numeric.Select(n => n.Scale)));
            graph.Node.Add(Cast(NumericInput, "numeric_f64", TensorProto.Types.DataType.Double));
            graph.Node.Add(Node("Sub", ["numeric_f64", "mean"], ["numeric_centred_f64"]));
            graph.Node.Add(Cast("numeric_centred_f64", "numeric_centred", TensorProto.Types.DataType.Float));
            graph.Node.Add(Cast("numeric_centred", "numeric_centred_back", TensorProto.Types.DataType.Double));
            graph.Node.Add(Node("Div", ["numeric_centred_back", "scale"], ["numeric_standardised_f64"]));
            graph.Node.Add(Cast("numeric_standardised_f64", "numeric_standardised", TensorProto.Types.DataType.Float));
            parts.Add("numeric_standardised");
        }

        for (var c = 0; c < encoding.Categorical.Count; c++)
        {
            var feature = encoding.Categorical[c];
            graph.Input.Add(Input(feature.Name, TensorProto.Types.DataType.String, 1));
            parts.Add(OneHot(graph, c, feature.Name, feature.Categories));
        }
    }

    // One-hot over the categories (an unseen one is an all-zero row), reshaped from [N, 1, k] to [N, k]; returns the output.
    private static string OneHot(GraphProto graph, int c, string source, IReadOnlyList<string> categories)
    {
        var onehot = Node("OneHotEncoder", [source], [$"cat{c}_onehot3"], "ai.onnx.ml");
        onehot.Attribute.Add(Strings("cats_strings", categories));
        onehot.Attribute.Add(new AttributeProto { Name = "zeros", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(onehot);
        graph.Initializer.Add(Longs($"cat{c}_shape", [-1, categories.Count]));
        graph.Node.Add(Node("Reshape", [$"cat{c}_onehot3", $"cat{c}_shape"], [$"cat{c}_onehot"]));
        return $"cat{c}_onehot";
    }

    private static NodeProto Cast(string input, string output, TensorProto.Types.DataType to)
    {
        var node = Node("Cast", [input], [output]);
        node.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)to });
        return node;
    }

    private static IEnumerable<(string Key, string Value)> Card(TrainedModel model, string encoderJson)
    {
        var c = model.Config;
        var inv = CultureInfo.InvariantCulture;
        var resultPath = Path.Combine(model.Folder, TrainingRun.ResultFile);
        var byGroup = File.Exists(resultPath)
            ? JsonDocument.Parse(File.ReadAllText(resultPath)).RootElement.GetProperty("test_by_group").GetRawText()
            : "{}";
        yield return ("fairsharp.method", c.Method);
        yield return ("fairsharp.constraint", c.Constraint);
        yield return ("fairsharp.method_options", JsonSerializer.Serialize(c.MethodOptions, JsonFiles.Compact));
        yield return ("fairsharp.seed", c.Seed.ToString(inv));
        yield return ("fairsharp.dataset", c.Dataset);
        yield return ("fairsharp.data_sha256", model.Manifest.Data.DataSha256);
        yield return ("fairsharp.sensitive", string.Join(",", c.Sensitive));
        yield return ("fairsharp.groups", string.Join(";", model.Manifest.Data.Groups));
        yield return ("fairsharp.threshold", $"{c.Comparison}");
        yield return ("fairsharp.test_metrics", JsonSerializer.Serialize(model.Manifest.Test, JsonFiles.Compact));
        yield return ("fairsharp.test_by_group", byGroup);
        yield return ("fairsharp.definitions", JsonSerializer.Serialize(model.Manifest.MetricDefinitions, JsonFiles.Compact));
        yield return ("fairsharp.preprocessing", encoderJson);
    }

    private static NodeProto Node(string op, IEnumerable<string> inputs, IEnumerable<string> outputs, string domain = "")
    {
        var node = new NodeProto { OpType = op, Domain = domain, Name = op + "_" + string.Join("_", outputs) };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    private static ValueInfoProto Input(string name, TensorProto.Types.DataType type, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static TensorProto Floats(string name, IEnumerable<double> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.FloatData.AddRange(values.Select(v => (float)v));
        tensor.Dims.Add(tensor.FloatData.Count);
        return tensor;
    }

    private static TensorProto Doubles(string name, IEnumerable<double> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Double };
        tensor.DoubleData.AddRange(values);
        tensor.Dims.Add(tensor.DoubleData.Count);
        return tensor;
    }

    private static TensorProto Longs(string name, IEnumerable<long> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.AddRange(values);
        tensor.Dims.Add(tensor.Int64Data.Count);
        return tensor;
    }

    private static TensorProto Weights(string name, TorchSharp.torch.Tensor parameter)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(parameter.shape);
        tensor.FloatData.AddRange(parameter.detach().cpu().contiguous().data<float>().ToArray());
        return tensor;
    }

    private static AttributeProto Strings(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return attribute;
    }
}
