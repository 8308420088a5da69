using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>What a method's factory learns from the run rather than from its options: the constraint every method of a
/// run (or sweep) targets, and the number of groups in the data.</summary>
/// <param name="Constraint">Fairness notion (dp, eo, eopp).</param>
/// <param name="GroupCount">Number of groups G (≥ 2).</param>
public sealed record MethodContext(FairnessConstraint Constraint, int GroupCount)
{
    /// <summary>Error text: fewer than two groups (format: count).</summary>
    public const string TooFewGroups = "fairness training needs at least 2 groups, got {0}";
}
