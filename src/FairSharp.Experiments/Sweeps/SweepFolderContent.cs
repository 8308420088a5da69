namespace FairSharp.Experiments.Sweeps;

/// <summary>The trials of one or more sweep folders of one plan.</summary>
/// <param name="Plan">The plan they share.</param>
/// <param name="Records">The current record of each trial id (see <see cref="TrialHistory"/>).</param>
/// <param name="IgnoredLines">Lines that were not complete records (cut by a kill).</param>
/// <param name="DuplicateLines">Records of an id that already had an ok record (in the same or another folder).</param>
public sealed record SweepFolderContent(PlanDocument Plan, IReadOnlyList<TrialRecord> Records, int IgnoredLines, int DuplicateLines)
{
    /// <summary>Failed or diverged attempts that a retry replaced, oldest first.</summary>
    public IReadOnlyList<TrialRecord> Superseded { get; init; } = [];
}
