using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>The full configuration of one trial: everything that decides its result, and nothing else.</summary>
/// <param name="Dataset">Catalogue name of the dataset (<c>adult</c>, …), or for a user's CSV (<see cref="Csv"/>) its file name.</param>
/// <param name="Sensitive">Sensitive attributes, comma-separated in the order given (<c>sex</c>, <c>sex,race</c>).</param>
/// <param name="Protocol">Protocol preset, or null for the default (<c>ffb</c>, for every method).</param>
/// <param name="Method">Training method name from the registry.</param>
/// <param name="Constraint">Fairness constraint the method targets: <c>dp</c>, <c>eo</c> or <c>eopp</c>.</param>
/// <param name="Lambda">Fairness weight λ (0 for methods without one).</param>
/// <param name="Seed">Seed of this trial: split, initialisation and sampling all derive from it.</param>
/// <param name="Epochs">Training epochs of a network method, or null for the protocol's default (a stitch method's
/// epochs are its <c>epochs</c> knob).</param>
public sealed record TrialConfig(
    string Dataset,
    string Sensitive,
    string? Protocol,
    string Method,
    string Constraint,
    double Lambda,
    int Seed,
    int? Epochs)
{
    // Before plan format 2 a stitch trial's layer and initialisation were fields of their own; they are knobs in
    // Options now. Every trial still writes the two as null into its canonical JSON, which keeps the id of every trial
    // of a network method what it was (a format-1 plan with stitch trials is refused: PlanFile).
    [JsonInclude]
    [JsonPropertyName("stitch_layer")]
    private object? LegacyStitchLayer => null;

    [JsonInclude]
    [JsonPropertyName("stitch_init")]
    private object? LegacyStitchInit => null;

    /// <summary>The method's knobs other than λ (knob name → canonical text, sorted), every one of them with its value
    /// (defaults included, so a change of a default changes the id); null for a method without such knobs, which keeps
    /// the ids of those trials what they were before knobs existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>
    /// Stable id of the trial: the first 16 hex digits of the SHA-256 of its canonical JSON (the properties above in
    /// declaration order, invariant number format). The same configuration has the same id on every machine and run.
    /// </summary>
    [JsonIgnore]
    public string Id => ComputeId(this);

    /// <summary>
    /// The curve this trial belongs to: the method and its swept knobs, without λ and seed. Points of one curve differ
    /// only in λ (the trade-off knob) and seed (the repeats).
    /// </summary>
    [JsonIgnore]
    public string Curve => string.Join(' ', (CurveKnobs ?? []).Select(k => $"{k}={Options?.GetValueOrDefault(k)}").Prepend(Method));

    /// <summary>The sampler every method of the sweep trains on (<c>by_group</c>, <c>by_group_and_label</c>), when the
    /// plan imposes one (<see cref="Training.Runs.SamplerRule.ForComparison"/>); null = the method's own rule.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sampling { get; init; }

    /// <summary>A user's CSV (<c>sweep --data</c>) in place of a catalogue dataset: the column options and the split
    /// (<see cref="Data.Csv.CsvDataOptions.Seed"/> is 0: the trial's <see cref="Seed"/> seeds the split); null for a
    /// catalogue dataset. The file paths are where the worker reads the data, not part of the id:
    /// <see cref="DataSha256"/> is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Data.Csv.CsvDataOptions? Csv { get; init; }

    /// <summary>sha256 of the CSV file(s) of <see cref="Csv"/> (<see cref="Data.Csv.TabularSource.DataSha256"/>): with
    /// the column options, the data's identity in the id, so another file under the same name gives other trials and
    /// a resume never mixes them; null for a catalogue dataset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataSha256 { get; init; }

    /// <summary>The knobs of <see cref="Options"/> the plan sweeps (<c>--grid</c>), which name the curve; null when none.
    /// Recorded in trials.jsonl but not part of the id (the id depends on values, not on how they were planned).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? CurveKnobs { get; init; }

    /// <summary>True when the trial also measures its model's rationale cosines (<see cref="SweepOptions.RecordRationale"/>):
    /// <c>fairsharp rationale</c>'s defaults (test split, groups, weight-Taylor influence) on the chosen model. Part of
    /// the id, so a sweep asked for cosines never counts a record without them as done; null (left out of the id, which
    /// keeps every earlier id) when not measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Rationale { get; init; }

    private static string ComputeId(TrialConfig config)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(config.CanonicalJson()));
        return Convert.ToHexStringLower(hash)[..16];
    }

    // The form that is hashed: without the curve knobs, and with the CSV's file names in place of its paths (the same
    // file read from another folder is the same data; DataSha256 tells different contents apart).
    private TrialConfig Canonical() => this with
    {
        CurveKnobs = null,
        Csv = Csv is { } csv
            ? csv with
            {
                DataFile = Name(csv.DataFile),
                TrainFile = Name(csv.TrainFile),
                ValidationFile = Name(csv.ValidationFile),
                TestFile = Name(csv.TestFile),
            }
            : null,
    };

    private static string? Name(string? path) => path is null ? null : Path.GetFileName(path);

    /// <summary>Two trials are equal when their canonical JSON (hence their id) and their curve knobs are.</summary>
    public bool Equals(TrialConfig? other) =>
        other is not null && CanonicalJson() == other.CanonicalJson() && (CurveKnobs ?? []).SequenceEqual(other.CurveKnobs ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => CanonicalJson().GetHashCode(StringComparison.Ordinal);

    /// <summary>The canonical JSON the id is computed from.</summary>
    public string CanonicalJson() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Canonical(), SweepJson.Canonical));
}
