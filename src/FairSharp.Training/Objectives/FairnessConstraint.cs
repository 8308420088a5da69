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
}
