namespace FairSharp.Training.Objectives;

/// <summary>How training batches are drawn.</summary>
public enum SamplingKind
{
    /// <summary>Plain shuffled batches (FFB; infinite reshuffled loader, incomplete last batch dropped).</summary>
    Shuffled,

    /// <summary>The same number of rows from every group per batch (Fair Mixup / FAIRER DP mode).</summary>
    ByGroup,

    /// <summary>The same number of rows from every (group, label) cell per batch (Fair Mixup / FAIRER EO mode).</summary>
    ByGroupAndLabel,
}
