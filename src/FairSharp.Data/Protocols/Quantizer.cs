namespace FairSharp.Data.Protocols;

/// <summary>Quantile bins as Fair Mixup computes them (<c>np.quantile</c> with linear interpolation, <c>np.digitize</c>).</summary>
internal static class Quantizer
{
    /// <summary>The <paramref name="bins"/> + 1 edges at quantiles 0, 1/bins, …, 1 (numpy's default "linear" method).</summary>
    public static double[] Edges(ReadOnlySpan<double> values, int bins)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var edges = new double[bins + 1];
        var step = 1.0 / bins;
        for (var k = 0; k <= bins; k++)
        {
            var q = Math.Min(1.0, k * step);
            var position = q * (sorted.Length - 1);
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(lower + 1, sorted.Length - 1);
            var t = position - lower;
            double a = sorted[lower], b = sorted[upper];
            // numpy's _lerp: a + (b − a)·t, computed from the upper end when t ≥ 0.5.
            edges[k] = t >= 0.5 ? b - ((b - a) * (1 - t)) : a + ((b - a) * t);
        }

        return edges;
    }

    /// <summary>Bin index in 0..bins−1: <c>clip(np.digitize(x, edges), 1, bins) − 1</c> (count of edges ≤ x, clipped).</summary>
    public static int Bin(double x, double[] edges, int bins)
    {
        var count = 0;
        while (count < edges.Length && edges[count] <= x)
        {
            count++;
        }

        return Math.Clamp(count, 1, bins) - 1;
    }
}
