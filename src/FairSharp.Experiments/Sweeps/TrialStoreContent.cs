namespace FairSharp.Experiments.Sweeps;

/// <summary>What <see cref="TrialStore.Read"/> found.</summary>
/// <param name="Records">The current record of each trial id (see <see cref="TrialHistory"/>), in order of first
/// appearance.</param>
/// <param name="IgnoredLines">Lines that were not complete records (a line cut by a kill).</param>
/// <param name="DuplicateLines">Records of an id that already had an ok record (kept: the first).</param>
public sealed record TrialStoreContent(IReadOnlyList<TrialRecord> Records, int IgnoredLines, int DuplicateLines)
{
    /// <summary>Failed or diverged attempts that a later run of the same trial replaced (<c>--retry-failed</c>), in
    /// file order.</summary>
    public IReadOnlyList<TrialRecord> Superseded { get; init; } = [];
}
