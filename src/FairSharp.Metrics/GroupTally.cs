namespace FairSharp.Metrics;

/// <summary>
/// The hot path: one pass over the rows accumulating, per group, the weighted confusion cells and the weighted score
/// sums per label. Every thresholded and score-gap metric is a function of these O(groups) numbers.
/// </summary>
internal sealed class GroupTally
{
    // Cell index within a group: (y << 1) | ŷ → 0 = TN, 1 = FP, 2 = FN, 3 = TP.
    private readonly double[] _cells;
    private readonly double[] _scoreSums; // (g << 1) | y
    private readonly long[] _rows;        // (g << 1) | y

    private GroupTally(int groups)
    {
        Groups = groups;
        _cells = new double[groups * 4];
        _scoreSums = new double[groups * 2];
        _rows = new long[groups * 2];
    }

    public int Groups { get; }

    /// <summary>Tallies labels, scores thresholded at <paramref name="threshold"/>, and groups; validates every row.</summary>
    public static GroupTally Count(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<int> groups, int groupCount,
        ReadOnlySpan<double> weights, double threshold, ThresholdComparison comparison)
    {
        var tally = new GroupTally(groupCount);
        var strict = comparison == ThresholdComparison.Greater;
        if (weights.IsEmpty)
        {
            tally.CountUnweighted(yTrue, scores, groups, threshold, strict);
        }
        else
        {
            tally.CountWeighted(yTrue, scores, groups, weights, threshold, strict);
        }

        return tally;
    }

    public ConfusionCounts Confusion(int g) =>
        new(_cells[(g << 2) | 3], _cells[(g << 2) | 1], _cells[g << 2], _cells[(g << 2) | 2]);

    public ConfusionCounts OverallConfusion()
    {
        var total = default(ConfusionCounts);
        for (var g = 0; g < Groups; g++)
        {
            total += Confusion(g);
        }

        return total;
    }

    /// <summary>Rows of group g with label y.</summary>
    public long Rows(int g, int y) => _rows[(g << 1) | y];

    /// <summary>Rows of group g.</summary>
    public long Rows(int g) => _rows[g << 1] + _rows[(g << 1) | 1];

    /// <summary>Weighted mean score of group g over rows with label y; NaN without such rows.</summary>
    public double MeanScore(int g, int y)
    {
        var c = Confusion(g);
        var weight = y == 1 ? c.Positives : c.Negatives;
        return weight > 0 ? _scoreSums[(g << 1) | y] / weight : double.NaN;
    }

    /// <summary>Weighted mean score of group g; NaN for an empty group.</summary>
    public double MeanScore(int g)
    {
        var total = Confusion(g).Total;
        return total > 0 ? (_scoreSums[g << 1] + _scoreSums[(g << 1) | 1]) / total : double.NaN;
    }

    /// <summary>Weighted mean score over all rows.</summary>
    public double OverallMeanScore()
    {
        double sum = 0, weight = 0;
        for (var g = 0; g < Groups; g++)
        {
            sum += _scoreSums[g << 1] + _scoreSums[(g << 1) | 1];
            weight += Confusion(g).Total;
        }

        return sum / weight;
    }

    private void CountUnweighted(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<int> groups, double threshold, bool strict)
    {
        var cells = _cells;
        var sums = _scoreSums;
        var groupCount = (uint)Groups;
        var n = yTrue.Length;
        scores = scores[..n];
        groups = groups[..n];
        for (var i = 0; i < n; i++)
        {
            var y = yTrue[i];
            var s = scores[i];
            var g = groups[i];
            if ((uint)y > 1u || (uint)g >= groupCount || !(s >= 0.0 && s <= 1.0))
            {
                throw RowError(i, y, s, g);
            }

            var predicted = strict ? s > threshold : s >= threshold;
            var gy = (g << 1) | y;
            cells[(gy << 1) | (predicted ? 1 : 0)] += 1.0;
            sums[gy] += s;
        }

        // Unweighted: the cells are the row counts.
        for (var g = 0; g < Groups; g++)
        {
            _rows[g << 1] = (long)(cells[g << 2] + cells[(g << 2) | 1]);
            _rows[(g << 1) | 1] = (long)(cells[(g << 2) | 2] + cells[(g << 2) | 3]);
        }
    }

    private void CountWeighted(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<int> groups, ReadOnlySpan<double> weights,
        double threshold, bool strict)
    {
        var cells = _cells;
        var sums = _scoreSums;
        var rows = _rows;
        var groupCount = (uint)Groups;
        var n = yTrue.Length;
        scores = scores[..n];
        groups = groups[..n];
        weights = weights[..n];
        for (var i = 0; i < n; i++)
        {
            var y = yTrue[i];
            var s = scores[i];
            var g = groups[i];
            var w = weights[i];
            if ((uint)y > 1u || (uint)g >= groupCount || !(s >= 0.0 && s <= 1.0))
            {
                throw RowError(i, y, s, g);
            }

            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw Fail.With(MetricErrors.InvalidWeight, i, w);
            }

            var predicted = strict ? s > threshold : s >= threshold;
            var gy = (g << 1) | y;
            cells[(gy << 1) | (predicted ? 1 : 0)] += w;
            sums[gy] += s * w;
            rows[gy]++;
        }
    }

    private InvalidInputException RowError(int row, int y, double s, int g) =>
        (uint)y > 1u ? Fail.With(MetricErrors.LabelNotBinary, row, y)
        : (uint)g >= (uint)Groups ? Fail.With(MetricErrors.GroupOutOfRange, row, g, Groups)
        : Fail.With(MetricErrors.ScoreOutOfRange, row, s);
}
