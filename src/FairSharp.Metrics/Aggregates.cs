namespace FairSharp.Metrics;

/// <summary>fairlearn's NaN-skipping aggregates over per-group values (pandas <c>min</c>/<c>max</c> skip NaN).</summary>
internal static class Aggregates
{
    public static double Min(ReadOnlySpan<double> values)
    {
        var min = double.NaN;
        foreach (var v in values)
        {
            if (!double.IsNaN(v) && (double.IsNaN(min) || v < min))
            {
                min = v;
            }
        }

        return min;
    }

    public static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NaN;
        foreach (var v in values)
        {
            if (!double.IsNaN(v) && (double.IsNaN(max) || v > max))
            {
                max = v;
            }
        }

        return max;
    }

    public static double Difference(ReadOnlySpan<double> byGroup, double overall, AggregationMethod method)
    {
        switch (method)
        {
            case AggregationMethod.BetweenGroups:
                return Max(byGroup) - Min(byGroup);
            case AggregationMethod.ToOverall:
                var result = double.NaN;
                foreach (var v in byGroup)
                {
                    var d = Math.Abs(v - overall);
                    if (!double.IsNaN(d) && (double.IsNaN(result) || d > result))
                    {
                        result = d;
                    }
                }

                return result;
            default:
                throw Fail.With(MetricErrors.InvalidMethod, method, "difference");
        }
    }

    public static double Ratio(ReadOnlySpan<double> byGroup, double overall, AggregationMethod method)
    {
        switch (method)
        {
            case AggregationMethod.BetweenGroups:
                return Min(byGroup) / Max(byGroup);
            case AggregationMethod.ToOverall:
                var result = double.NaN;
                foreach (var v in byGroup)
                {
                    var r = v / overall;
                    if (r > 1)
                    {
                        r = 1 / r;
                    }

                    if (!double.IsNaN(r) && (double.IsNaN(result) || r < result))
                    {
                        result = r;
                    }
                }

                return result;
            default:
                throw Fail.With(MetricErrors.InvalidMethod, method, "ratio");
        }
    }

    /// <summary>numpy's default (linear) quantile of the values; NaN if any value is NaN.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0 || double.IsNaN(sorted[^1]) || double.IsNaN(sorted[0]))
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    public static IReadOnlyList<double> Quantiles(IEnumerable<double> values, IReadOnlyList<double> quantiles)
    {
        var array = values.ToArray();
        if (array.Any(double.IsNaN))
        {
            return quantiles.Select(_ => double.NaN).ToArray();
        }

        Array.Sort(array);
        return quantiles.Select(q => Quantile(array, q)).ToArray();
    }
}
