using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FairSharp.Training.Models;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Checkpoints;

/// <summary>Saves and loads a trained model: <c>model.bin</c> (TorchSharp state dict) + <c>manifest.json</c>.</summary>
public static class ModelCheckpoint
{
    /// <summary>File name of the weights.</summary>
    public const string ModelFile = "model.bin";

    /// <summary>File name of the manifest.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Error text: a checkpoint file is missing (format: path).</summary>
    public const string MissingFile = "{0}: file not found (a model folder holds model.bin and manifest.json)";

    /// <summary>Error text: the manifest cannot be read (format: path, reason).</summary>
    public const string BadManifest = "{0}: not a FairSharp model manifest ({1})";

    /// <summary>Error text: the weights do not fit the manifest's architecture (format: path, reason).</summary>
    public const string BadWeights = "{0}: the weights do not match the architecture in manifest.json ({1})";

    /// <summary>File name of the fitted tabular preprocessing, when the model has one.</summary>
    public const string PreprocessingFile = "preprocessing.json";

    /// <summary>File name of the per-group decision thresholds of a post-processed model, when it has them.</summary>
    public const string ThresholdsFile = "thresholds.json";

    /// <summary>Writes <c>model.bin</c> and <c>manifest.json</c> into <paramref name="directory"/> (which must exist); the
    /// manifest records the sha256 of <c>model.bin</c> and of <c>preprocessing.json</c> and <c>thresholds.json</c> when
    /// the folder holds them (write them first).</summary>
    public static void Save(FairNetwork model, ModelManifest manifest, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        model.save(Path.Combine(directory, ModelFile));
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ModelFile] = Sha256(Path.Combine(directory, ModelFile)) };
        foreach (var name in new[] { PreprocessingFile, ThresholdsFile })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                files[name] = Sha256(path);
            }
        }

        JsonFiles.Write(Path.Combine(directory, ManifestFile), manifest with { Files = files });
    }

    /// <summary>Lower-case hex sha256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Reads only the manifest of a model folder.</summary>
    /// <exception cref="InvalidInputException">Missing or unreadable manifest.</exception>
    public static ModelManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MissingFile, path));
        }

        try
        {
            var manifest = JsonFiles.Read<ModelManifest>(path);
            if (manifest.Format != ModelManifest.CurrentFormat)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadManifest, path, $"format '{manifest.Format}'"));
            }

            // Nullable only to the deserializer: a hand-edited or truncated manifest can lack any of them.
            var missing = new (string Key, object? Value)[]
            {
                ("model", manifest.Model), ("config", manifest.Config), ("data", manifest.Data),
                ("weight_layers", manifest.WeightLayers), ("stitch_points", manifest.StitchPoints),
            }.Where(m => m.Value is null).Select(m => m.Key).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadManifest, path, $"no '{string.Join("', '", missing)}'"));
            }

            try
            {
                manifest.Model.Validate();
            }
            catch (InvalidInputException e)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadManifest, path, e.Message), e);
            }

            return manifest;
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadManifest, path, JsonProblem.Describe(e)), e);
        }
    }

    /// <summary>Rebuilds the model of a folder and loads its weights; the model is in evaluation mode.</summary>
    /// <exception cref="InvalidInputException">Missing files, an unreadable manifest, or weights that do not fit.</exception>
    public static (FairNetwork Model, ModelManifest Manifest) Load(string directory) => Load(directory, ReadManifest(directory));

    /// <summary>Rebuilds the model of <paramref name="manifest"/> and loads the weights of <paramref name="directory"/>.</summary>
    internal static (FairNetwork Model, ModelManifest Manifest) Load(string directory, ModelManifest manifest)
    {
        var weights = Path.Combine(directory, ModelFile);
        if (!File.Exists(weights))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MissingFile, weights));
        }

        FairNetwork model;
        try
        {
            model = manifest.Model.Build();
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            // libtorch refuses the widths (typically an allocation that cannot succeed); its text carries C++ frames.
            var reason = e.Message.Split('\n', 2)[0].Trim();
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadManifest, Path.Combine(directory, ManifestFile),
                $"libtorch cannot build the model: {reason}"), e);
        }

        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            model.Dispose();
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadWeights, weights, e.Message.ReplaceLineEndings(" ")), e);
        }

        model.eval();
        return (model, manifest);
    }
}
