namespace FairSharp.Metrics;

/// <summary>The constraints of <see cref="ThresholdOptimizer"/> (fairlearn's <c>constraints</c> names in brackets).</summary>
public enum PostprocessingConstraint
{
    /// <summary>Equal selection rates P(ŷ = 1 | A = a) across groups (<c>demographic_parity</c>).</summary>
    DemographicParity,

    /// <summary>Equal true and false positive rates across groups (<c>equalized_odds</c>).</summary>
    EqualizedOdds,
}
