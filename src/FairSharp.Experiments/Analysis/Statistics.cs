namespace FairSharp.Experiments.Analysis;

/// <summary>Plain descriptive statistics over seeds.</summary>
public static class Statistics
{
    /// <summary>Arithmetic mean; NaN for no values.</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Count;
    }

    /// <summary>Sample standard deviation √(Σ(x − x̄)² / (n − 1)), as numpy's <c>std(ddof=1)</c>; 0 for one value,
    /// NaN for none.</summary>
    public static double SampleStd(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        if (values.Count == 1)
        {
            return 0;
        }

        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (values.Count - 1));
    }

    /// <summary>
    /// The q-quantile of <paramref name="sorted"/> (ascending) with linear interpolation between order statistics,
    /// numpy's default (<c>method='linear'</c>): position h = (n − 1)·q.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The central <paramref name="confidence"/> percentile interval of bootstrap values (NaNs dropped).</summary>
    public static (double Low, double High) PercentileInterval(IEnumerable<double> samples, double confidence)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Where(double.IsFinite).Order().ToArray();
        var tail = (1 - confidence) / 2;
        return (Quantile(sorted, tail), Quantile(sorted, 1 - tail));
    }
}
