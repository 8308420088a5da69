namespace FairSharp.Experiments.Analysis;

/// <summary>
/// The Pareto front of (utility, gap) points, where higher utility and lower gap are better. A point is on the front
/// when no other point has utility ≥ and gap ≤ with at least one strict; of identical points only the first is kept.
/// </summary>
public static class ParetoFront
{
    /// <summary>Indices of the front points, ordered by increasing gap (so also by increasing utility).
    /// Points with a non-finite coordinate are never on the front.</summary>
    public static IReadOnlyList<int> Indices(IReadOnlyList<TradeoffCoordinates> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var front = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (!p.IsFinite)
            {
                continue;
            }

            var dominated = false;
            for (var j = 0; j < points.Count && !dominated; j++)
            {
                var q = points[j];
                if (j == i || !q.IsFinite)
                {
                    continue;
                }

                dominated = Dominates(q, p) || (q == p && j < i);
            }

            if (!dominated)
            {
                front.Add(i);
            }
        }

        return front.OrderBy(i => points[i].Gap).ThenBy(i => points[i].Utility).ToArray();
    }

    /// <summary>True when <paramref name="a"/> is at least as good as <paramref name="b"/> on both axes and better on one.</summary>
    public static bool Dominates(TradeoffCoordinates a, TradeoffCoordinates b) =>
        a.Utility >= b.Utility && a.Gap <= b.Gap && (a.Utility > b.Utility || a.Gap < b.Gap);

    /// <summary>True when every point of <paramref name="others"/> is dominated by or equal to some point of
    /// <paramref name="front"/> (front A covers set B).</summary>
    public static bool Covers(IReadOnlyList<TradeoffCoordinates> front, IReadOnlyList<TradeoffCoordinates> others)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(others);
        return others.Where(o => o.IsFinite).All(o => front.Any(f => f == o || Dominates(f, o)));
    }
}
