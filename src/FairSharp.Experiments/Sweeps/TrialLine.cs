using System.Text;
using System.Text.Json;

namespace FairSharp.Experiments.Sweeps;

/// <summary>Tells a line of <c>trials.jsonl</c> that a kill cut short (a valid start of a JSON object that ends too
/// early) from one that is damaged (anything else).</summary>
internal static class TrialLine
{
    /// <summary>True when <paramref name="line"/> is the start of a JSON object whose text simply ends too early.</summary>
    public static bool IsCutShort(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line.TrimEnd('\r'));
        if (bytes.Length == 0 || bytes[0] != (byte)'{')
        {
            return false;
        }

        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject)
                {
                    // A complete object that is still not a record: damaged, not cut short.
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Why a line is not a record, for <see cref="ExperimentErrors.BadTrialLine"/>.</summary>
    public static string Problem(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? "a JSON object without the fields of a trial record"
                : "JSON, but not an object";
        }
        catch (JsonException e)
        {
            return e.BytePositionInLine is { } at ? $"not JSON (at character {at + 1})" : "not JSON";
        }
    }
}
