using System.Globalization;
using System.Text.Json;

namespace FairSharp.Training.Runs;

/// <summary>Says what is wrong with a JSON file in FairSharp's words: where the text breaks, or which field has the
/// wrong type. System.Text.Json's own messages name .NET types ("System.Nullable`1[System.Double]").</summary>
public static class JsonProblem
{
    /// <summary>One phrase for <paramref name="e"/>, e.g. <c>invalid JSON at line 3, character 7</c> or
    /// <c>field '$.options.seeds' has the wrong type</c>.</summary>
    public static string Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!string.IsNullOrEmpty(e.Path) && e.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return e.Path == "$" ? "not the expected JSON object" : string.Create(CultureInfo.InvariantCulture, $"field '{e.Path}' has the wrong type");
        }

        return e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"invalid JSON at line {line + 1}, character {(e.BytePositionInLine ?? 0) + 1}")
            : "invalid JSON";
    }
}
