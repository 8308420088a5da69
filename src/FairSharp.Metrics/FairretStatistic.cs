namespace FairSharp.Metrics;

/// <summary>fairret's linear-fractional statistics of probabilities p per group (soft, no threshold).</summary>
public enum FairretStatistic
{
    /// <summary>Positive rate γ = Σ p / n.</summary>
    PositiveRate = 0,

    /// <summary>TPR γ = Σ y·p / Σ y.</summary>
    TruePositiveRate = 1,

    /// <summary>FPR γ = Σ (1 − y)·p / Σ (1 − y).</summary>
    FalsePositiveRate = 2,

    /// <summary>PPV γ = Σ y·p / Σ p.</summary>
    PositivePredictiveValue = 3,
}
