namespace FairSharp.Training.Rationale;

/// <summary>Which subgroups a rationale probe compares.</summary>
public enum RationalePartition
{
    /// <summary>One stratum per sensitive group; every pair of groups is compared (FAIRER's DP mode).</summary>
    ByGroup,

    /// <summary>One stratum per (group, label) cell; groups are compared within each label (FAIRER's EO mode).</summary>
    ByGroupWithinLabel,
}
