using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>The JSON settings of every sweep file (snake_case names, NaN/∞ allowed as named literals).</summary>
public static class SweepJson
{
    /// <summary>Compact, one object per line; the form of <c>trials.jsonl</c> and of trial ids.</summary>
    public static JsonSerializerOptions Canonical { get; } = Create(indented: false);

    /// <summary>Indented, for files people read (<c>plan.json</c>).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
