namespace FairSharp.Metrics;

/// <summary>Rows sorted by descending score (one sort), shared by AP, ROC AUC and ABROCA.</summary>
internal sealed class SortedRows
{
    private readonly double[] _score;
    private readonly int[] _label;
    private readonly double[]? _weight;
    private readonly int[]? _group;

    private SortedRows(double[] score, int[] label, double[]? weight, int[]? group)
    {
        _score = score;
        _label = label;
        _weight = weight;
        _group = group;
    }

    public int Length => _score.Length;

    /// <summary>
    /// Validates labels (0/1) and scores (not NaN), then sorts once by descending score (radix sort). Without weights the
    /// payload carries (group, label) itself, so nothing is gathered from random rows afterwards.
    /// </summary>
    public static SortedRows Create(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> groups = default, bool validated = false)
    {
        var n = yTrue.Length;
        if (n == 0)
        {
            throw Fail.With(MetricErrors.EmptyEvaluation);
        }

        Fail.IfLengthDiffers("scores", scores.Length, n);
        if (!validated)
        {
            Fail.CheckWeights(weights, n);
        }

        var hasGroups = !groups.IsEmpty;
        if (hasGroups)
        {
            Fail.IfLengthDiffers("groups", groups.Length, n);
        }

        var packed = weights.IsEmpty;
        var keys = new ulong[n];
        var payload = new int[n];
        for (var i = 0; i < n; i++)
        {
            var s = scores[i];
            var y = yTrue[i];
            if (!validated && ((uint)y > 1u || double.IsNaN(s)))
            {
                throw (uint)y > 1u
                    ? Fail.With(MetricErrors.LabelNotBinary, i, y)
                    : Fail.With(MetricErrors.ScoreOutOfRange, i, s);
            }

            // Descending score = ascending complement of the order-preserving key.
            keys[i] = ~RadixSort.Ascending(s);
            payload[i] = packed ? ((hasGroups ? groups[i] : 0) << 1) | y : i;
        }

        RadixSort.Sort(keys, payload);
        var score = new double[n];
        var label = new int[n];
        var weight = packed ? null : new double[n];
        var group = hasGroups ? new int[n] : null;
        for (var k = 0; k < n; k++)
        {
            score[k] = RadixSort.FromAscending(~keys[k]);
            var p = payload[k];
            if (packed)
            {
                label[k] = p & 1;
                if (group is not null)
                {
                    group[k] = p >> 1;
                }
            }
            else
            {
                label[k] = yTrue[p];
                weight![k] = weights[p];
                if (group is not null)
                {
                    group[k] = groups[p];
                }
            }
        }

        return new SortedRows(score, label, weight, group);
    }

    public double AveragePrecision(int start, int length) => AveragePrecision(_score, _label, _weight, start, length);

    public double RocAuc(int start, int length) => RocAuc(_score, _label, _weight, start, length);

    public RocCurve Roc(int start, int length) => Roc(_score, _label, _weight, start, length);

    /// <summary>ABROCA over groups (largest pairwise value); see <see cref="RankingMetrics.Abroca"/>.</summary>
    public double Abroca(int groupCount, int gridPoints)
    {
        if (gridPoints < 2)
        {
            throw Fail.With(MetricErrors.InvalidGridPoints, gridPoints);
        }

        var (score, label, weight, starts) = PartitionByGroup(groupCount);
        var curves = new List<RocCurve>(groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var length = starts[g + 1] - starts[g];
            if (length == 0)
            {
                continue;
            }

            var curve = Roc(score, label, weight, starts[g], length);
            if (curve.FalsePositiveRates.Count == 0)
            {
                return double.NaN;
            }

            curves.Add(curve);
        }

        if (curves.Count < 2)
        {
            return double.NaN;
        }

        var worst = 0.0;
        for (var a = 0; a < curves.Count; a++)
        {
            for (var b = a + 1; b < curves.Count; b++)
            {
                worst = Math.Max(worst, RankingMetrics.AbrocaBetween(curves[a], curves[b], gridPoints));
            }
        }

        return worst;
    }

    /// <summary>Stable partition of the sorted rows by group: each group's rows stay in descending score order.</summary>
    private (double[] Score, int[] Label, double[]? Weight, int[] Starts) PartitionByGroup(int groupCount)
    {
        var n = _score.Length;
        var codes = _group ?? new int[n];
        var starts = new int[groupCount + 1];
        foreach (var c in codes)
        {
            starts[c + 1]++;
        }

        for (var g = 0; g < groupCount; g++)
        {
            starts[g + 1] += starts[g];
        }

        var next = starts[..^1];
        var score = new double[n];
        var label = new int[n];
        var weight = _weight is null ? null : new double[n];
        for (var k = 0; k < n; k++)
        {
            var at = next[codes[k]]++;
            score[at] = _score[k];
            label[at] = _label[k];
            if (weight is not null)
            {
                weight[at] = _weight![k];
            }
        }

        return (score, label, weight, starts);
    }

    private static double AveragePrecision(double[] score, int[] label, double[]? weight, int start, int length)
    {
        var positives = 0.0;
        for (var k = start; k < start + length; k++)
        {
            positives += label[k] * (weight?[k] ?? 1.0);
        }

        if (positives == 0)
        {
            return double.NaN;
        }

        double tp = 0, fp = 0, previousRecall = 0, ap = 0;
        var end = start + length;
        for (var k = start; k < end; k++)
        {
            var w = weight?[k] ?? 1.0;
            if (label[k] == 1) { tp += w; } else { fp += w; }
            if (k + 1 == end || score[k + 1] != score[k])
            {
                var recall = tp / positives;
                if (tp + fp > 0)
                {
                    ap += (recall - previousRecall) * (tp / (tp + fp));
                }

                previousRecall = recall;
            }
        }

        return ap;
    }

    private static double RocAuc(double[] score, int[] label, double[]? weight, int start, int length)
    {
        double tp = 0, fp = 0, previousTp = 0, previousFp = 0, area = 0;
        var end = start + length;
        for (var k = start; k < end; k++)
        {
            var w = weight?[k] ?? 1.0;
            if (label[k] == 1) { tp += w; } else { fp += w; }
            if (k + 1 == end || score[k + 1] != score[k])
            {
                area += (fp - previousFp) * (tp + previousTp) / 2;
                previousTp = tp;
                previousFp = fp;
            }
        }

        return tp == 0 || fp == 0 ? double.NaN : area / (tp * fp);
    }

    private static RocCurve Roc(double[] score, int[] label, double[]? weight, int start, int length)
    {
        double positives = 0, negatives = 0;
        var end = start + length;
        for (var k = start; k < end; k++)
        {
            var w = weight?[k] ?? 1.0;
            if (label[k] == 1) { positives += w; } else { negatives += w; }
        }

        if (positives == 0 || negatives == 0)
        {
            return new RocCurve([], [], []);
        }

        var fpr = new List<double> { 0.0 };
        var tpr = new List<double> { 0.0 };
        var thresholds = new List<double> { double.PositiveInfinity };
        double tp = 0, fp = 0;
        for (var k = start; k < end; k++)
        {
            var w = weight?[k] ?? 1.0;
            if (label[k] == 1) { tp += w; } else { fp += w; }
            if (k + 1 == end || score[k + 1] != score[k])
            {
                fpr.Add(fp / negatives);
                tpr.Add(tp / positives);
                thresholds.Add(score[k]);
            }
        }

        return new RocCurve(fpr, tpr, thresholds);
    }
}
