namespace FairSharp.Experiments.Sweeps;

/// <summary>The trials of one or more sweep folders of one plan.</summary>
/// <param name="Plan">The plan they share.</param>
/// <param name="Records">One record per trial id.</param>
/// <param name="IgnoredLines">Lines that were not complete records (cut by a kill).</param>
/// <param name="DuplicateLines">Records of an id already seen (in the same or another folder).</param>
public sealed record SweepFolderContent(PlanDocument Plan, IReadOnlyList<TrialRecord> Records, int IgnoredLines, int DuplicateLines);
