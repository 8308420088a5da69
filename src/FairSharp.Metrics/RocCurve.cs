namespace FairSharp.Metrics;

/// <summary>
/// A ROC curve as sklearn's <c>roc_curve(drop_intermediate=False)</c>: one point per distinct score (descending),
/// preceded by (0, 0); FPR_k = FP_k / N and TPR_k = TP_k / P with FP_k, TP_k the weighted counts of rows with score ≥ the k-th
/// threshold. Ends at (1, 1).
/// </summary>
/// <param name="FalsePositiveRates">FPR per point, non-decreasing.</param>
/// <param name="TruePositiveRates">TPR per point, non-decreasing.</param>
/// <param name="Thresholds">Score threshold per point (+∞ for the first point).</param>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> TruePositiveRates, IReadOnlyList<double> Thresholds)
{
    /// <summary>Trapezoidal area under the curve (sklearn <c>auc(fpr, tpr)</c>).</summary>
    public double Area()
    {
        var area = 0.0;
        for (var k = 1; k < FalsePositiveRates.Count; k++)
        {
            area += (FalsePositiveRates[k] - FalsePositiveRates[k - 1]) * (TruePositiveRates[k] + TruePositiveRates[k - 1]) / 2;
        }

        return area;
    }

    /// <summary>
    /// TPR at false-positive rate <paramref name="fpr"/>, linear between the points. On a vertical stretch (several points with
    /// the same FPR) the curve takes its highest TPR there (right-continuous); this only changes isolated points.
    /// </summary>
    public double TruePositiveRateAt(double fpr)
    {
        var n = FalsePositiveRates.Count;
        var hi = UpperBound(fpr);
        if (hi >= n)
        {
            return TruePositiveRates[n - 1];
        }

        if (hi == 0)
        {
            return TruePositiveRates[0];
        }

        var lo = hi - 1;
        var x0 = FalsePositiveRates[lo];
        var x1 = FalsePositiveRates[hi];
        return TruePositiveRates[lo] + (TruePositiveRates[hi] - TruePositiveRates[lo]) * (fpr - x0) / (x1 - x0);
    }

    /// <summary>The curve sampled on a sorted grid in one sweep (same values as <see cref="TruePositiveRateAt"/>).</summary>
    internal double[] SampleOn(ReadOnlySpan<double> grid)
    {
        var result = new double[grid.Length];
        var n = FalsePositiveRates.Count;
        var hi = 0;
        for (var k = 0; k < grid.Length; k++)
        {
            var f = grid[k];
            while (hi < n && FalsePositiveRates[hi] <= f)
            {
                hi++;
            }

            if (hi >= n)
            {
                result[k] = TruePositiveRates[n - 1];
            }
            else if (hi == 0)
            {
                result[k] = TruePositiveRates[0];
            }
            else
            {
                var lo = hi - 1;
                var x0 = FalsePositiveRates[lo];
                result[k] = TruePositiveRates[lo] + (TruePositiveRates[hi] - TruePositiveRates[lo]) * (f - x0) / (FalsePositiveRates[hi] - x0);
            }
        }

        return result;
    }

    private int UpperBound(double value)
    {
        int lo = 0, hi = FalsePositiveRates.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (FalsePositiveRates[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
