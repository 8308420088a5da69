namespace FairSharp.Metrics;

/// <summary>How a score becomes a hard prediction at a threshold t.</summary>
public enum ThresholdComparison
{
    /// <summary>ŷ = [p ≥ t] (FairSharp's default; Fair Mixup's thresholded EO).</summary>
    GreaterOrEqual = 0,

    /// <summary>ŷ = [p &gt; t] (FFB's metrics, Fair Mixup CelebA).</summary>
    Greater = 1,
}
