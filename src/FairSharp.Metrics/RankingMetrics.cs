namespace FairSharp.Metrics;

/// <summary>
/// Threshold-free metrics on scores p = P(y = 1 | x), with sklearn's semantics (ties between scores are one threshold):
/// average precision, ROC curve and ROC AUC, and the TFS paper's ABROCA. Labels are 0/1; weights are optional.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Number of FPR grid points of TFS's ABROCA (<c>np.linspace(0, 1, 10000)</c>).</summary>
    public const int DefaultAbrocaGridPoints = 10_000;

    /// <summary>
    /// sklearn <c>average_precision_score</c>: AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct scores in descending order, with
    /// Pₙ = TPₙ / (TPₙ + FPₙ) and Rₙ = TPₙ / P (no interpolation). NaN when there is no positive row.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight = default)
    {
        var sorted = SortedRows.Create(yTrue, scores, sampleWeight);
        return sorted.AveragePrecision(0, sorted.Length);
    }

    /// <summary>sklearn <c>roc_auc_score</c> for binary labels: the trapezoidal area under <see cref="RocCurve"/>; tied scores
    /// count ½ per (positive, negative) pair. NaN when only one class is present.</summary>
    public static double RocAuc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight = default)
    {
        var sorted = SortedRows.Create(yTrue, scores, sampleWeight);
        return sorted.RocAuc(0, sorted.Length);
    }

    /// <summary>sklearn <c>roc_curve(y, p, drop_intermediate=False)</c>.</summary>
    public static RocCurve Roc(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight = default)
    {
        var sorted = SortedRows.Create(yTrue, scores, sampleWeight);
        return sorted.Roc(0, sorted.Length);
    }

    /// <summary>
    /// ABROCA (Gardner et al. 2019, as the TFS code computes it): each group's ROC TPR is interpolated linearly on
    /// <paramref name="gridPoints"/> equally spaced FPR values f_k = k / (gridPoints − 1), d_k = TPR_a(f_k) − TPR_b(f_k), and
    /// ABROCA = ∫₀¹ |d(f)| df of the piecewise-linear d, integrated exactly (trapezoids split at sign changes).
    /// With more than two groups: the largest value over pairs of groups. Groups without rows are skipped; NaN when fewer
    /// than two groups have rows or any group with rows lacks one of the two classes (its ROC is undefined).
    /// </summary>
    public static double Abroca(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, GroupLabels groups,
        ReadOnlySpan<double> sampleWeight = default, int gridPoints = DefaultAbrocaGridPoints)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Fail.IfLengthDiffers("sensitive_features", groups.Rows, yTrue.Length);
        var sorted = SortedRows.Create(yTrue, scores, sampleWeight, groups.Codes);
        return sorted.Abroca(groups.Count, gridPoints);
    }

    /// <summary>∫₀¹ |TPR_a − TPR_b| on the grid, exact for the piecewise-linear interpolant.</summary>
    internal static double AbrocaBetween(RocCurve a, RocCurve b, int gridPoints)
    {
        if (gridPoints < 2)
        {
            throw Fail.With(MetricErrors.InvalidGridPoints, gridPoints);
        }

        var grid = new double[gridPoints];
        var step = 1.0 / (gridPoints - 1);
        for (var k = 0; k < gridPoints; k++)
        {
            grid[k] = k * step;
        }

        grid[^1] = 1.0;
        var ta = a.SampleOn(grid);
        var tb = b.SampleOn(grid);
        var area = 0.0;
        for (var k = 1; k < gridPoints; k++)
        {
            var h = grid[k] - grid[k - 1];
            var d0 = ta[k - 1] - tb[k - 1];
            var d1 = ta[k] - tb[k];
            if (d0 * d1 >= 0)
            {
                area += h * (Math.Abs(d0) + Math.Abs(d1)) / 2;
            }
            else
            {
                area += h * (d0 * d0 + d1 * d1) / (2 * (Math.Abs(d0) + Math.Abs(d1)));
            }
        }

        return area;
    }
}
