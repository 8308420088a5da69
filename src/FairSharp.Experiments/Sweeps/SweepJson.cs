using System.Text.Json;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Sweeps;

/// <summary>The JSON settings of every sweep file: FairSharp's file conventions (<see cref="JsonFiles"/>: snake_case
/// names, NaN/∞ allowed as named literals).</summary>
public static class SweepJson
{
    /// <summary>Compact, one object per line; the form of <c>trials.jsonl</c> and of trial ids.</summary>
    public static JsonSerializerOptions Canonical => JsonFiles.Compact;

    /// <summary>Indented, for files people read (<c>plan.json</c>).</summary>
    public static JsonSerializerOptions Indented => JsonFiles.Options;
}
