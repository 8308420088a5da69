namespace FairSharp.Metrics;

/// <summary>
/// fairret's <c>LinearFractionalParity</c> (aida-ugent/fairret): for a statistic γ, the violation of group k is
/// v_k = |γ_k / γ_overall − 1| and the parity is max_k v_k. Statistics are soft (on probabilities). Groups without rows are skipped.
/// </summary>
public static class FairretMetrics
{
    /// <summary>max_k |γ_k / γ − 1| for one statistic; NaN when the overall statistic is 0/0.</summary>
    public static double LinearFractionalParity(FairretStatistic statistic, ReadOnlySpan<double> probabilities, ReadOnlySpan<int> yTrue,
        GroupLabels groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (probabilities.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyEvaluation);
        }

        Fail.IfLengthDiffers("labels", yTrue.Length, probabilities.Length);
        Fail.IfLengthDiffers("sensitive_features", groups.Rows, probabilities.Length);
        var numerator = new double[groups.Count + 1];
        var denominator = new double[groups.Count + 1];
        var codes = groups.Codes;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            var y = yTrue[i];
            if ((uint)y > 1u)
            {
                throw Fail.With(MetricErrors.LabelNotBinary, i, y);
            }

            var (num, den) = statistic switch
            {
                FairretStatistic.PositiveRate => (p, 1.0),
                FairretStatistic.TruePositiveRate => (y * p, (double)y),
                FairretStatistic.FalsePositiveRate => ((1 - y) * p, 1.0 - y),
                FairretStatistic.PositivePredictiveValue => (y * p, p),
                _ => throw new ArgumentOutOfRangeException(nameof(statistic)),
            };
            numerator[codes[i]] += num;
            denominator[codes[i]] += den;
            numerator[^1] += num;
            denominator[^1] += den;
        }

        var overall = numerator[^1] / denominator[^1];
        var worst = double.NaN;
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups.RowCounts[g] == 0)
            {
                continue;
            }

            var v = Math.Abs(numerator[g] / denominator[g] / overall - 1);
            if (!double.IsNaN(v) && (double.IsNaN(worst) || v > worst))
            {
                worst = v;
            }
        }

        return worst;
    }
}
