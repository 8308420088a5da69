using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FairSharp.Training.Runs;

/// <summary>The JSON conventions of FairSharp's files: snake_case property names and enum values, indented, not HTML-escaped, NaN and
/// infinities written as the strings <c>"NaN"</c>, <c>"Infinity"</c>; dictionary keys (metric keys, group names) kept as they are.</summary>
public static class JsonFiles
{
    /// <summary>The shared serializer options (indented: files people read).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same conventions on one line (JSON Lines records, canonical forms that are hashed).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Serialises <paramref name="value"/> to UTF-8 JSON text ending with a newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/>.</summary>
    public static void Write<T>(string path, T value) => File.WriteAllText(path, Serialize(value));

    /// <summary>Reads a <typeparamref name="T"/> from <paramref name="path"/>.</summary>
    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new JsonException($"{path}: empty JSON document");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // files, not HTML: keep '>=' and non-ASCII group names readable
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
