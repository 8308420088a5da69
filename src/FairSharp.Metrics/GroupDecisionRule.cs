namespace FairSharp.Metrics;

/// <summary>
/// One group's randomised threshold rule, fairlearn's <c>InterpolatedThresholder</c> entry: with probability
/// <see cref="Weight0"/> the decision is [score &gt; <see cref="Threshold0"/>], else [score &gt; <see cref="Threshold1"/>];
/// that draw is kept with probability 1 − <see cref="IgnoreProbability"/> and replaced, with probability
/// <see cref="IgnoreProbability"/>, by a coin that says 1 with probability <see cref="ConstantRate"/> (equalized odds
/// only: the point (c, c) on the ROC diagonal). So
/// P(ŷ = 1 | s) = (1 − p_ignore)·(p0·[s &gt; t0] + (1 − p0)·[s &gt; t1]) + p_ignore·c.
/// Thresholds may be +∞ (select nobody) or −∞ (select everybody).
/// </summary>
/// <param name="Threshold0">First threshold t0 (the hull point left of the chosen rate).</param>
/// <param name="Weight0">Probability p0 of using t0, in [0, 1].</param>
/// <param name="Threshold1">Second threshold t1 (the hull point right of the chosen rate).</param>
/// <param name="IgnoreProbability">p_ignore in [0, 1]; 0 for demographic parity.</param>
/// <param name="ConstantRate">c in [0, 1]: the positive rate of the coin used with probability p_ignore.</param>
public sealed record GroupDecisionRule(double Threshold0, double Weight0, double Threshold1, double IgnoreProbability = 0, double ConstantRate = 0)
{
    /// <summary>Probability 1 − p0 of using <see cref="Threshold1"/>.</summary>
    public double Weight1 => 1 - Weight0;

    /// <summary>P(ŷ = 1 | score) under this rule.</summary>
    public double PositiveProbability(double score)
    {
        var interpolated = (score > Threshold0 ? Weight0 : 0) + (score > Threshold1 ? Weight1 : 0);
        return ((1 - IgnoreProbability) * interpolated) + (IgnoreProbability * ConstantRate);
    }
}
