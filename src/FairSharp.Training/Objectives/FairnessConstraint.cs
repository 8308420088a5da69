using FairSharp.Metrics;
using System.Globalization;

namespace FairSharp.Training.Objectives;

/// <summary>Which fairness notion a penalty targets (CLI: <c>dp</c>, <c>eo</c>, <c>eopp</c>).</summary>
public enum FairnessConstraint
{
    /// <summary><c>dp</c>: demographic parity (equal mean score per group).</summary>
    DemographicParity,

    /// <summary><c>eo</c>: equalized odds (equal mean score per group within each label, summed over labels).</summary>
    EqualizedOdds,

    /// <summary><c>eopp</c>: equal opportunity (equal mean score per group among positives).</summary>
    EqualOpportunity,
}

/// <summary>Names of <see cref="FairnessConstraint"/> values as the CLI and JSON spell them.</summary>
public static class FairnessConstraints
{
    /// <summary>Error text: unknown constraint (format: the name).</summary>
    public const string Unknown = "unknown constraint '{0}' (expected dp, eo or eopp)";

    /// <summary><c>dp</c>, <c>eo</c> or <c>eopp</c>.</summary>
    public static string ToName(this FairnessConstraint constraint) => constraint switch
    {
        FairnessConstraint.DemographicParity => "dp",
        FairnessConstraint.EqualizedOdds => "eo",
        _ => "eopp",
    };

    /// <summary>Parses <c>dp</c>, <c>eo</c> or <c>eopp</c> (case-insensitive); throws <see cref="InvalidInputException"/> otherwise.</summary>
    public static FairnessConstraint Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "dp" => FairnessConstraint.DemographicParity,
        "eo" => FairnessConstraint.EqualizedOdds,
        "eopp" => FairnessConstraint.EqualOpportunity,
        _ => throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, Unknown, name)),
    };

    /// <summary>Error text: a constraint post-processing does not offer (format: value).</summary>
    public const string UnknownPostprocessing = "post-processing supports constraint dp or eo, got '{0}'";

    /// <summary>The short names of the post-processing constraints (<see cref="PostprocessingConstraint"/>: no eopp).</summary>
    public static IReadOnlyList<string> PostprocessingNames { get; } = ["dp", "eo"];

    /// <summary>The post-processing constraint's short name, as the CLI and results spell it.</summary>
    public static string ToName(this PostprocessingConstraint constraint) =>
        constraint == PostprocessingConstraint.EqualizedOdds ? "eo" : "dp";

    /// <summary>The post-processing constraint of a short name (<c>dp</c>, <c>eo</c>).</summary>
    /// <exception cref="InvalidInputException">Any other name (e.g. <c>eopp</c>).</exception>
    public static PostprocessingConstraint ParsePostprocessing(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "dp" => PostprocessingConstraint.DemographicParity,
        "eo" => PostprocessingConstraint.EqualizedOdds,
        _ => throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownPostprocessing, name)),
    };
}
