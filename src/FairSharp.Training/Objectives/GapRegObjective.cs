using FairSharp.Data;
using FairSharp.Training.Penalties;

namespace FairSharp.Training.Objectives;

/// <summary><c>gapreg</c>: BCE + λ·gap of the group mean scores (dp, eo summed over y, or eopp). On shuffled batches
/// (protocol <c>ffb</c>) it is FFB's DiffDP / DiffEOdd / DiffEOpp; on group- or cell-stratified batches (protocol
/// <c>fairmixup</c>) it is Fair Mixup's GapReg. The gap is taken on the scores of the same forward pass as the task
/// loss (Fair Mixup's separate per-group passes give the same values for networks without dropout).</summary>
public sealed class GapRegObjective(FairnessConstraint constraint, double lambda, int groupCount)
    : PenalisedObjective(Create(constraint, groupCount), lambda)
{
    /// <inheritdoc />
    public override string Name => "gapreg";

    /// <summary>The constraint the gap measures.</summary>
    public FairnessConstraint Constraint => constraint;

    /// <summary>The penalty of a constraint.</summary>
    public static IFairnessPenalty Create(FairnessConstraint constraint, int groupCount) => constraint switch
    {
        FairnessConstraint.EqualizedOdds => new EqualizedOddsGap(groupCount),
        FairnessConstraint.EqualOpportunity => new EqualOpportunityGap(groupCount),
        _ => new DemographicParityGap(groupCount),
    };

    /// <inheritdoc />
    public override void CheckTrainingData(DataSplit train, IReadOnlyList<string> groupNames) =>
        TrainingDataChecks.RequireLabelsPerGroup(Name, train, groupNames, TrainingDataChecks.LabelsNeeded(constraint));
}
