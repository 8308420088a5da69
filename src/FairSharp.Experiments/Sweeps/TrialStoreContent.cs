namespace FairSharp.Experiments.Sweeps;

/// <summary>What <see cref="TrialStore.Read"/> found.</summary>
/// <param name="Records">Complete records, first one per trial id, in file order.</param>
/// <param name="IgnoredLines">Lines that were not complete records (a line cut by a kill).</param>
/// <param name="DuplicateLines">Records of an id already seen (kept: the first).</param>
public sealed record TrialStoreContent(IReadOnlyList<TrialRecord> Records, int IgnoredLines, int DuplicateLines);
