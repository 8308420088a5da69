namespace FairSharp.Metrics;

/// <summary>How a <see cref="MetricFrame"/> turns per-group values into one disparity (fairlearn's <c>method</c>).</summary>
public enum AggregationMethod
{
    /// <summary><c>between_groups</c>: difference = max_g m_g − min_g m_g; ratio = min_g m_g / max_g m_g.</summary>
    BetweenGroups = 0,

    /// <summary><c>to_overall</c>: difference = max_g |m_g − m|; ratio = min_g min(m_g / m, m / m_g).</summary>
    ToOverall = 1,
}
