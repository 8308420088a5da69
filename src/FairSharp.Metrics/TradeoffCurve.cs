namespace FairSharp.Metrics;

/// <summary>
/// One group's achievable (x, y) trade-off over all thresholds of its scores, its upper convex hull and the hull read
/// on a grid of x values: fairlearn's <c>_tradeoff_curve_utilities.py</c> (<c>_calculate_tradeoff_points</c>,
/// <c>_filter_points_to_get_convex_hull</c>, <c>_interpolate_curve</c>) with <c>flip=False</c>.
/// </summary>
internal static class TradeoffCurve
{
    /// <summary>The metric of a point from its counts: (false positives, true positives, negatives, positives).</summary>
    internal delegate double Metric(double falsePositives, double truePositives, double negatives, double positives);

    /// <summary>Selection rate (TP + FP) / n.</summary>
    internal static readonly Metric SelectionRate = (fp, tp, neg, pos) => (fp + tp) / (neg + pos);

    /// <summary>Accuracy (TP + TN) / n.</summary>
    internal static readonly Metric Accuracy = (fp, tp, neg, pos) => (tp + (neg - fp)) / (neg + pos);

    /// <summary>False positive rate FP / negatives.</summary>
    internal static readonly Metric FalsePositiveRate = (fp, _, neg, _) => fp / neg;

    /// <summary>True positive rate TP / positives.</summary>
    internal static readonly Metric TruePositiveRate = (_, tp, _, pos) => tp / pos;

    /// <summary>A point of the curve: its metrics and the rule [score &gt; threshold] that reaches it.</summary>
    internal readonly record struct Point(double X, double Y, double Threshold);

    /// <summary>The hull read at each grid x: y, and the two hull thresholds mixed with weights p0, 1 − p0.</summary>
    internal sealed record Interpolated(double[] Y, double[] Weight0, double[] Threshold0, double[] Threshold1);

    /// <summary>
    /// Every threshold's point, sorted by (x, y): first +∞ (nobody selected), then, walking the scores in decreasing
    /// order, one point per distinct score s_j with threshold (s_j + s_{j+1}) / 2 (s_{k+1} = −∞), so that
    /// [score &gt; t] selects exactly the rows with score ≥ s_j. Needs both labels among the rows.
    /// </summary>
    internal static Point[] Points(double[] scores, int[] labels, Metric x, Metric y)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        double positives = labels.Sum();
        double negatives = labels.Length - positives;
        var points = new List<Point> { new(x(0, 0, negatives, positives), y(0, 0, negatives, positives), double.PositiveInfinity) };
        double fp = 0, tp = 0;
        var i = 0;
        while (i < order.Length)
        {
            var score = scores[order[i]];
            while (i < order.Length && scores[order[i]] == score)
            {
                if (labels[order[i]] == 1)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                i++;
            }

            var next = i < order.Length ? scores[order[i]] : double.NegativeInfinity;
            points.Add(new(x(fp, tp, negatives, positives), y(fp, tp, negatives, positives), (score + next) / 2));
        }

        return points.OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
    }

    /// <summary>The upper convex hull of points sorted by (x, y) (Andrew's monotone chain; a middle point on or below
    /// the chord of its neighbours is dropped).</summary>
    internal static Point[] UpperHull(IReadOnlyList<Point> sorted)
    {
        var hull = new List<Point>();
        foreach (var r2 in sorted)
        {
            while (hull.Count >= 2)
            {
                var r1 = hull[^1];
                var r0 = hull[^2];
                if ((r1.Y - r0.Y) * (r2.X - r0.X) <= (r2.Y - r0.Y) * (r1.X - r0.X))
                {
                    hull.RemoveAt(hull.Count - 1);
                }
                else
                {
                    break;
                }
            }

            hull.Add(r2);
        }

        return [.. hull];
    }

    /// <summary>
    /// The hull read at each grid value g: the hull segment i with x_i &lt; g ≤ x_{i+1} (for g = x_0 the last point at
    /// x_0 starts the segment), p0 = (x_{i+1} − g) / (x_{i+1} − x_i), y = p0·y_i + (1 − p0)·y_{i+1}.
    /// </summary>
    internal static Interpolated Interpolate(IReadOnlyList<Point> hull, double[] grid)
    {
        var y = new double[grid.Length];
        var p0 = new double[grid.Length];
        var t0 = new double[grid.Length];
        var t1 = new double[grid.Length];
        var atOrBelow = 0;
        for (var k = 0; k < grid.Length; k++)
        {
            var g = grid[k];

            // numpy: searchsorted(x, g, side='right') - 1 (the grid increases, so the count only grows), then one step
            // left where x_i == g (except for the first g).
            while (atOrBelow < hull.Count && hull[atOrBelow].X <= g)
            {
                atOrBelow++;
            }

            var index = atOrBelow - 1;
            if (k > 0 && hull[index].X == g)
            {
                index--;
            }

            var left = hull[index];
            var right = hull[index + 1];
            p0[k] = (right.X - g) / (right.X - left.X);
            y[k] = (p0[k] * left.Y) + ((1 - p0[k]) * right.Y);
            t0[k] = left.Threshold;
            t1[k] = right.Threshold;
        }

        return new Interpolated(y, p0, t0, t1);
    }
}
