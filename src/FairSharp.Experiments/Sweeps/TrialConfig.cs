using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>The full configuration of one trial: everything that decides its result, and nothing else.</summary>
/// <param name="Dataset">Catalogue name of the dataset (<c>adult</c>, …).</param>
/// <param name="Sensitive">Sensitive attributes, comma-separated in the order given (<c>sex</c>, <c>sex,race</c>).</param>
/// <param name="Protocol">Protocol preset, or null for the method's default protocol.</param>
/// <param name="Method">Training method name from the registry.</param>
/// <param name="Constraint">Fairness constraint the method targets: <c>dp</c>, <c>eo</c> or <c>eopp</c>.</param>
/// <param name="Lambda">Fairness weight λ (0 for methods without one).</param>
/// <param name="Seed">Seed of this trial: split, initialisation and sampling all derive from it.</param>
/// <param name="Epochs">Training epochs, or null for the protocol's default.</param>
/// <param name="StitchLayer">Stitch layer for stitch methods, or null for the default (penultimate) layer.</param>
/// <param name="StitchInit">Stitch initialisation for stitch methods, or null for the method's default.</param>
public sealed record TrialConfig(
    string Dataset,
    string Sensitive,
    string? Protocol,
    string Method,
    string Constraint,
    double Lambda,
    int Seed,
    int? Epochs,
    int? StitchLayer,
    string? StitchInit)
{
    /// <summary>
    /// Stable id of the trial: the first 16 hex digits of the SHA-256 of its canonical JSON (the properties above in
    /// declaration order, invariant number format). The same configuration has the same id on every machine and run.
    /// </summary>
    [JsonIgnore]
    public string Id => ComputeId(this);

    /// <summary>
    /// The curve this trial belongs to: the method and its stitch options, without λ and seed. Points of one curve
    /// differ only in λ (the trade-off knob) and seed (the repeats).
    /// </summary>
    [JsonIgnore]
    public string Curve
    {
        get
        {
            var parts = new List<string> { Method };
            if (StitchLayer is { } layer)
            {
                parts.Add(FormattableString.Invariant($"layer={layer}"));
            }

            if (StitchInit is { } init)
            {
                parts.Add($"init={init}");
            }

            return string.Join(' ', parts);
        }
    }

    private static string ComputeId(TrialConfig config)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(config, SweepJson.Canonical);
        var hash = SHA256.HashData(json);
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The canonical JSON the id is computed from.</summary>
    public string CanonicalJson() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(this, SweepJson.Canonical));
}
