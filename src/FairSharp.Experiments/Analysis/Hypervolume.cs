namespace FairSharp.Experiments.Analysis;

/// <summary>
/// Two-dimensional hypervolume of a trade-off front: the area of the plane that the front's points dominate inside
/// the box bounded by the reference point r = (r_u, r_g), i.e. the area of the union of the rectangles
/// [r_u, u_i] × [g_i, r_g]. With front points sorted by increasing gap g_1 &lt; … &lt; g_k (and so increasing
/// utility), HV = Σ_i (u_i − r_u)·(g_{i+1} − g_i) with g_{k+1} = r_g. Larger is better: a front that reaches higher
/// utility at lower gap covers more area. Points outside the box (u ≤ r_u or g ≥ r_g) add nothing.
/// </summary>
public static class Hypervolume
{
    /// <summary>The hypervolume of <paramref name="points"/> (any set; its front is taken) against
    /// <paramref name="reference"/>; 0 when no point is inside the box.</summary>
    public static double Compute(IReadOnlyList<TradeoffCoordinates> points, TradeoffCoordinates reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        var inside = points.Where(p => p.IsFinite && p.Utility > reference.Utility && p.Gap < reference.Gap).ToArray();
        var front = ParetoFront.Indices(inside).Select(i => inside[i]).ToArray();
        var area = 0.0;
        for (var i = 0; i < front.Length; i++)
        {
            var nextGap = i + 1 < front.Length ? front[i + 1].Gap : reference.Gap;
            area += (front[i].Utility - reference.Utility) * (nextGap - front[i].Gap);
        }

        return area;
    }
}
