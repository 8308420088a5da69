namespace FairSharp.Metrics;

/// <summary>
/// Rows sorted by descending score (one radix sort), shared by AP, ROC AUC and ABROCA. Holds the sort keys and payloads
/// themselves: equal keys are equal scores, and without weights the payload is (group, label), so the sweeps read two
/// arrays sequentially and never gather from random rows.
/// </summary>
internal sealed class SortedRows
{
    private readonly ulong[] _keys;     // ~RadixSort.Ascending(score), ascending = descending score
    private readonly int[] _payload;    // (group << 1) | label without weights; the row index with weights
    private readonly int[]? _label;     // gathered only with weights
    private readonly double[]? _weight;
    private readonly int[]? _group;

    private SortedRows(ulong[] keys, int[] payload, int[]? label, double[]? weight, int[]? group)
    {
        _keys = keys;
        _payload = payload;
        _label = label;
        _weight = weight;
        _group = group;
    }

    public int Length => _keys.Length;

    /// <summary>Validates labels (0/1) and scores (not NaN), then sorts once by descending score.</summary>
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
        scores = scores[..n];
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

            keys[i] = ~RadixSort.Ascending(s);
            payload[i] = packed ? ((hasGroups ? groups[i] : 0) << 1) | y : i;
        }

        RadixSort.Sort(keys, payload);
        if (packed)
        {
            return new SortedRows(keys, payload, null, null, null);
        }

        var label = new int[n];
        var weight = new double[n];
        var group = new int[n];
        for (var k = 0; k < n; k++)
        {
            var row = payload[k];
            label[k] = yTrue[row];
            weight[k] = weights[row];
            group[k] = hasGroups ? groups[row] : 0;
        }

        return new SortedRows(keys, payload, label, weight, group);
    }

    /// <summary>sklearn AP: Σ (R_n − R_{n−1})·P_n over distinct scores; NaN without positives.</summary>
    public double AveragePrecision() => Sweep(1, curves: false).AveragePrecision;

    /// <summary>sklearn ROC AUC (trapezoid over distinct scores); NaN with one class.</summary>
    public double RocAuc() => Sweep(1, curves: false).RocAuc;

    /// <summary>The overall ROC curve; empty with one class.</summary>
    public RocCurve Roc() => Sweep(1, curves: true, overallCurve: true).Curves[0] ?? new RocCurve([], [], []);

    /// <summary>ABROCA over groups (largest pairwise value); see <see cref="RankingMetrics.Abroca"/>.</summary>
    public double Abroca(int groupCount, int gridPoints) => Sweep(groupCount, curves: true).Abroca(gridPoints);

    /// <summary>AP, ROC AUC and every group's ROC curve in one sequential sweep.</summary>
    public SweepResult Sweep(int groupCount, bool curves, bool overallCurve = false)
    {
        var n = _keys.Length;
        var keys = _keys;
        var payload = _payload;
        var weighted = _weight is not null;
        var gCount = overallCurve ? 1 : groupCount;

        double tp = 0, fp = 0, previousTp = 0, previousFp = 0, auc = 0;
        var apTerms = new List<(double Tp, double Fp)>(); // per distinct score, to weigh by recall once P is known
        var gtp = new double[gCount];
        var gfp = new double[gCount];
        var touched = new bool[gCount];
        var touchedList = new int[gCount];
        var touchedCount = 0;
        var fps = new List<double>[gCount];
        var tps = new List<double>[gCount];
        var thresholds = new List<double>[gCount];
        for (var g = 0; g < gCount; g++)
        {
            fps[g] = [0.0];
            tps[g] = [0.0];
            thresholds[g] = [double.PositiveInfinity];
        }

        for (var k = 0; k < n; k++)
        {
            int label, g;
            double w;
            if (weighted)
            {
                label = _label![k];
                g = overallCurve ? 0 : _group![k];
                w = _weight![k];
            }
            else
            {
                var p = payload[k];
                label = p & 1;
                g = overallCurve ? 0 : p >> 1;
                w = 1.0;
            }

            if (label == 1) { tp += w; } else { fp += w; }
            if (curves)
            {
                if (label == 1) { gtp[g] += w; } else { gfp[g] += w; }
                if (!touched[g])
                {
                    touched[g] = true;
                    touchedList[touchedCount++] = g;
                }
            }

            if (k + 1 == n || keys[k + 1] != keys[k])
            {
                auc += (fp - previousFp) * (tp + previousTp) / 2;
                if (tp != previousTp)
                {
                    apTerms.Add((tp, fp));
                }

                previousTp = tp;
                previousFp = fp;
                if (curves)
                {
                    var score = RadixSort.FromAscending(~keys[k]);
                    for (var j = 0; j < touchedCount; j++)
                    {
                        var t = touchedList[j];
                        fps[t].Add(gfp[t]);
                        tps[t].Add(gtp[t]);
                        thresholds[t].Add(score);
                        touched[t] = false;
                    }

                    touchedCount = 0;
                }
            }
        }

        var averagePrecision = double.NaN;
        if (tp > 0)
        {
            averagePrecision = 0;
            var previousRecall = 0.0;
            foreach (var (cumTp, cumFp) in apTerms)
            {
                var recall = cumTp / tp;
                averagePrecision += (recall - previousRecall) * (cumTp / (cumTp + cumFp));
                previousRecall = recall;
            }
        }

        var rocCurves = new RocCurve?[gCount];
        if (curves)
        {
            for (var g = 0; g < gCount; g++)
            {
                if (fps[g].Count == 1)
                {
                    continue;
                }

                var negatives = gfp[g];
                var positives = gtp[g];
                rocCurves[g] = positives == 0 || negatives == 0
                    ? new RocCurve([], [], [])
                    : new RocCurve(Scaled(fps[g], negatives), Scaled(tps[g], positives), thresholds[g].ToArray());
            }
        }

        var rocAuc = tp == 0 || fp == 0 ? double.NaN : auc / (tp * fp);
        return new SweepResult(averagePrecision, rocAuc, rocCurves);
    }

    private static double[] Scaled(List<double> values, double total)
    {
        var result = new double[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i] / total;
        }

        return result;
    }

    /// <summary>The results of one <see cref="Sweep"/>.</summary>
    internal sealed record SweepResult(double AveragePrecision, double RocAuc, RocCurve?[] Curves)
    {
        /// <summary>Largest pairwise ABROCA over the groups with rows; NaN when fewer than two, or when one lacks a class.</summary>
        public double Abroca(int gridPoints)
        {
            if (gridPoints < 2)
            {
                throw Fail.With(MetricErrors.InvalidGridPoints, gridPoints);
            }

            var present = new List<RocCurve>(Curves.Length);
            foreach (var curve in Curves)
            {
                if (curve is null)
                {
                    continue;
                }

                if (curve.FalsePositiveRates.Count == 0)
                {
                    return double.NaN;
                }

                present.Add(curve);
            }

            if (present.Count < 2)
            {
                return double.NaN;
            }

            var worst = 0.0;
            for (var a = 0; a < present.Count; a++)
            {
                for (var b = a + 1; b < present.Count; b++)
                {
                    worst = Math.Max(worst, RankingMetrics.AbrocaBetween(present[a], present[b], gridPoints));
                }
            }

            return worst;
        }
    }
}
