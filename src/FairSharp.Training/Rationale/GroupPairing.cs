namespace FairSharp.Training.Rationale;

/// <summary>How pairs of groups are formed when there are more than two groups (with two groups both give the one pair).</summary>
public enum GroupPairing
{
    /// <summary>Every unordered pair of groups (within each label in EO mode); the alignment term sums over them. Default.</summary>
    AllPairs,

    /// <summary>Only the least aligned pair (the smallest Σ over layers of the cosine, within each label in EO mode);
    /// the alignment term then pushes on that pair only (its gradient flows through the minimum).</summary>
    WorstPair,
}
