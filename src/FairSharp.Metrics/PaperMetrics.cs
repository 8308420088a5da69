namespace FairSharp.Metrics;

/// <summary>
/// The papers' metric forms, each a thin composition over <see cref="MetricFrame"/> (between groups, NaN groups skipped):
/// FFB's and Fair Mixup's equalized-odds sum, Fair Mixup's / FAIRER's score gaps, and TFS's accuracy-equality difference and
/// worst-group accuracy. ABROCA is <see cref="RankingMetrics.Abroca"/>.
/// </summary>
public static class PaperMetrics
{
    /// <summary>FFB <c>eodd</c> / Fair Mixup ΔEO@t: (max_g TPR_g − min_g TPR_g) + (max_g FPR_g − min_g FPR_g), in [0, 2].</summary>
    public static double EqualizedOddsSum(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        ReadOnlySpan<double> sampleWeight = default) =>
        MetricFrame.Create(static (t, p, w) => BaseMetrics.TruePositiveRate(t, p, w), yTrue, yPred, sensitiveFeatures, sampleWeight).Difference()
        + MetricFrame.Create(static (t, p, w) => BaseMetrics.FalsePositiveRate(t, p, w), yTrue, yPred, sensitiveFeatures, sampleWeight).Difference();

    /// <summary>Fair Mixup ΔDP on probabilities: max_g E_w[p | g] − min_g E_w[p | g].</summary>
    public static double DpScoreGap(ReadOnlySpan<double> scores, GroupLabels sensitiveFeatures, ReadOnlySpan<double> sampleWeight = default) =>
        MetricFrame.Create(static (_, p, w) => BaseMetrics.MeanPrediction(p, w), scores, scores, sensitiveFeatures, sampleWeight).Difference();

    /// <summary>
    /// Fair Mixup ΔEO on probabilities: Σ_{y∈{0,1}} (max_g E_w[p | g, y] − min_g E_w[p | g, y]); a class present in fewer than
    /// two groups adds 0.
    /// </summary>
    public static double EoScoreGap(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, GroupLabels sensitiveFeatures,
        ReadOnlySpan<double> sampleWeight = default)
    {
        ArgumentNullException.ThrowIfNull(sensitiveFeatures);
        Fail.IfLengthDiffers("scores", scores.Length, yTrue.Length);
        Fail.IfLengthDiffers("sensitive_features", sensitiveFeatures.Rows, yTrue.Length);
        Fail.CheckWeights(sampleWeight, yTrue.Length);
        var total = 0.0;
        for (var y = 0; y <= 1; y++)
        {
            var rows = new List<int>();
            for (var i = 0; i < yTrue.Length; i++)
            {
                if (yTrue[i] == y)
                {
                    rows.Add(i);
                }
                else if ((uint)yTrue[i] > 1u)
                {
                    throw Fail.With(MetricErrors.LabelNotBinary, i, yTrue[i]);
                }
            }

            if (rows.Count == 0)
            {
                continue;
            }

            var s = new double[rows.Count];
            var c = new int[rows.Count];
            var w = sampleWeight.IsEmpty ? [] : new double[rows.Count];
            var codes = sensitiveFeatures.Codes;
            for (var k = 0; k < rows.Count; k++)
            {
                s[k] = scores[rows[k]];
                c[k] = codes[rows[k]];
                if (!sampleWeight.IsEmpty)
                {
                    w[k] = sampleWeight[rows[k]];
                }
            }

            var cell = GroupLabels.FromCodes(c, sensitiveFeatures.Names);
            var gap = MetricFrame.Create(static (_, p, weights) => BaseMetrics.MeanPrediction(p, weights), s, s, cell, w).Difference();
            total += double.IsNaN(gap) ? 0.0 : gap;
        }

        return total;
    }

    /// <summary>TFS AED: max_g acc_g − min_g acc_g (for two groups |error rate_a − error rate_b|).</summary>
    public static double AccuracyEqualityDifference(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        ReadOnlySpan<double> sampleWeight = default) =>
        MetricFrame.Create(static (t, p, w) => BaseMetrics.Accuracy(t, p, w), yTrue, yPred, sensitiveFeatures, sampleWeight).Difference();

    /// <summary>TFS MMF: the minimum over non-empty (y, group) cells of the cell accuracy, i.e. min over groups of TPR_g (cells
    /// with y = 1) and TNR_g (cells with y = 0).</summary>
    public static double WorstGroupAccuracy(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupLabels sensitiveFeatures,
        ReadOnlySpan<double> sampleWeight = default)
    {
        ArgumentNullException.ThrowIfNull(sensitiveFeatures);
        Fail.IfLengthDiffers("y_pred", yPred.Length, yTrue.Length);
        Fail.IfLengthDiffers("sensitive_features", sensitiveFeatures.Rows, yTrue.Length);
        var cellCodes = new int[yTrue.Length];
        var cellNames = new List<string>(sensitiveFeatures.Count * 2);
        for (var y = 0; y <= 1; y++)
        {
            foreach (var name in sensitiveFeatures.Names)
            {
                cellNames.Add($"y={y}{GroupLabels.Separator}{name}");
            }
        }

        var codes = sensitiveFeatures.Codes;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if ((uint)yTrue[i] > 1u)
            {
                throw Fail.With(MetricErrors.LabelNotBinary, i, yTrue[i]);
            }

            cellCodes[i] = yTrue[i] * sensitiveFeatures.Count + codes[i];
        }

        var cells = GroupLabels.FromCodes(cellCodes, cellNames);
        return MetricFrame.Create(static (t, p, w) => BaseMetrics.Accuracy(t, p, w), yTrue, yPred, cells, sampleWeight).GroupMin();
    }
}
