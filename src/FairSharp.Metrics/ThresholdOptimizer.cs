namespace FairSharp.Metrics;

/// <summary>
/// Post-processing with per-group thresholds (Hardt, Price &amp; Srebro 2016, "Equality of Opportunity in Supervised
/// Learning"), as fairlearn's <c>ThresholdOptimizer</c> (<c>fairlearn/postprocessing/_threshold_optimizer.py</c>) with
/// <c>objective='accuracy_score'</c>, <c>flip=False</c>, <c>tol=None</c> and <c>prefit=True</c>: it works on a fitted
/// model's scores, so it needs no model here.
/// <para>For each group a, every threshold of its scores gives a point (x, y) (<see cref="TradeoffCurve.Points"/>);
/// mixing two thresholds at random reaches every point of the segment between them, so the group can attain its upper
/// convex hull ŷ_a(x). The hull is read on the grid x_k = k / G, k = 0 … G.</para>
/// <para><b>Demographic parity</b>: x = selection rate, y = accuracy within the group. Every group is put at the same
/// selection rate x_k, and the overall accuracy is Σ_a (n_a / n)·y_a(x_k); the k of largest accuracy (the first on ties)
/// is chosen. Each group mixes the two hull thresholds around x_k.</para>
/// <para><b>Equalized odds</b>: x = false positive rate, y = true positive rate (the ROC hull). At FPR x_k the groups
/// can all reach TPR y_min(x_k) = min_a y_a(x_k); the accuracy (N₊·y_min + N₋·(1 − x_k)) / n, rounded to 15 decimals as
/// fairlearn does, picks k. A group whose hull lies above y_min at x_k is pulled down to it by mixing with the diagonal
/// point (x_k, x_k): with probability p_ignore = (y_a − y_min) / (y_a − x_k) the decision is a coin of rate x_k.</para>
/// <para>Both constraints hold exactly in expectation on the fitting data (up to the grid for the chosen rate); on new
/// data they hold up to sampling noise.</para>
/// </summary>
public static class ThresholdOptimizer
{
    /// <summary>fairlearn's default <c>grid_size</c>.</summary>
    public const int DefaultGridSize = 1000;

    /// <summary>Fits the per-group rules on <paramref name="yTrue"/>, <paramref name="scores"/> (any finite numbers:
    /// probabilities or logits) and <paramref name="groups"/>.</summary>
    /// <param name="yTrue">Labels in {0, 1}.</param>
    /// <param name="scores">The model's scores, higher meaning more likely positive.</param>
    /// <param name="groups">The sensitive groups; every group named must have rows of both labels.</param>
    /// <param name="constraint">Demographic parity or equalized odds.</param>
    /// <param name="gridSize">Grid intervals G over [0, 1]; default 1000.</param>
    /// <exception cref="InvalidInputException">Mismatched lengths, a label outside {0, 1}, a score that is not finite, a
    /// grid size below 1, a group without rows or with one label only.</exception>
    public static ThresholdPostprocessor Fit(ReadOnlySpan<int> yTrue, ReadOnlySpan<double> scores, GroupLabels groups,
        PostprocessingConstraint constraint, int gridSize = DefaultGridSize)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (gridSize < 1)
        {
            throw Fail.With(MetricErrors.InvalidGridSize, gridSize);
        }

        Fail.IfLengthDiffers("scores", scores.Length, yTrue.Length);
        Fail.IfLengthDiffers("sensitive_features", groups.Rows, yTrue.Length);
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i] is not (0 or 1))
            {
                throw Fail.With(MetricErrors.LabelNotBinary, i, yTrue[i]);
            }

            if (!double.IsFinite(scores[i]))
            {
                throw Fail.With(MetricErrors.ScoreNotFinite, i, scores[i]);
            }
        }

        var grid = new double[gridSize + 1];
        var step = 1.0 / gridSize;
        for (var k = 0; k < gridSize; k++)
        {
            grid[k] = k * step;
        }

        grid[gridSize] = 1;
        var (x, y) = constraint == PostprocessingConstraint.EqualizedOdds
            ? (TradeoffCurve.FalsePositiveRate, TradeoffCurve.TruePositiveRate)
            : (TradeoffCurve.SelectionRate, TradeoffCurve.Accuracy);
        var groupScores = Enumerable.Range(0, groups.Count).Select(_ => new List<double>()).ToArray();
        var groupLabels = Enumerable.Range(0, groups.Count).Select(_ => new List<int>()).ToArray();
        var codes = groups.Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            groupScores[codes[i]].Add(scores[i]);
            groupLabels[codes[i]].Add(yTrue[i]);
        }

        var curves = new TradeoffCurve.Interpolated[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var labels = groupLabels[g].ToArray();
            var positives = labels.Sum();
            if (labels.Length == 0)
            {
                throw Fail.With(MetricErrors.GroupWithoutRows, groups.Names[g]);
            }

            if (positives == 0 || positives == labels.Length)
            {
                throw Fail.With(MetricErrors.DegenerateGroupLabels, groups.Names[g], labels[0], labels.Length);
            }

            curves[g] = TradeoffCurve.Interpolate(TradeoffCurve.UpperHull(TradeoffCurve.Points([.. groupScores[g]], labels, x, y)), grid);
        }

        return constraint == PostprocessingConstraint.EqualizedOdds
            ? EqualizedOdds(yTrue, groups, grid, curves, gridSize)
            : DemographicParity(groups, grid, curves, gridSize);
    }

    private static ThresholdPostprocessor DemographicParity(GroupLabels groups, double[] grid, TradeoffCurve.Interpolated[] curves, int gridSize)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var k = 0; k < grid.Length; k++)
        {
            var overall = 0.0;
            for (var g = 0; g < curves.Length; g++)
            {
                overall += groups.RowCounts[g] / (double)groups.Rows * curves[g].Y[k];
            }

            if (overall > bestValue)
            {
                (best, bestValue) = (k, overall);
            }
        }

        var rules = new SortedDictionary<string, GroupDecisionRule>(StringComparer.Ordinal);
        for (var g = 0; g < curves.Length; g++)
        {
            rules[groups.Names[g]] = new GroupDecisionRule(curves[g].Threshold0[best], curves[g].Weight0[best], curves[g].Threshold1[best]);
        }

        return new ThresholdPostprocessor(PostprocessingConstraint.DemographicParity, gridSize, grid[best], double.NaN, bestValue, rules);
    }

    private static ThresholdPostprocessor EqualizedOdds(ReadOnlySpan<int> yTrue, GroupLabels groups, double[] grid,
        TradeoffCurve.Interpolated[] curves, int gridSize)
    {
        double positives = 0;
        foreach (var label in yTrue)
        {
            positives += label;
        }

        var n = yTrue.Length;
        var negatives = n - positives;
        var best = 0;
        var bestValue = double.NegativeInfinity;
        var minimum = new double[grid.Length];
        for (var k = 0; k < grid.Length; k++)
        {
            minimum[k] = curves.Min(c => c.Y[k]);
            var accuracy = Math.Round(((positives * minimum[k]) + (negatives * (1 - grid[k]))) / n, 15);
            if (accuracy > bestValue)
            {
                (best, bestValue) = (k, accuracy);
            }
        }

        var xBest = grid[best];
        var yBest = minimum[best];
        var rules = new SortedDictionary<string, GroupDecisionRule>(StringComparer.Ordinal);
        for (var g = 0; g < curves.Length; g++)
        {
            var yGroup = curves[g].Y[best];
            var ignore = yGroup == xBest ? 0 : (yGroup - yBest) / (yGroup - xBest);
            rules[groups.Names[g]] = new GroupDecisionRule(curves[g].Threshold0[best], curves[g].Weight0[best], curves[g].Threshold1[best], ignore, xBest);
        }

        return new ThresholdPostprocessor(PostprocessingConstraint.EqualizedOdds, gridSize, xBest, yBest, bestValue, rules);
    }
}
