namespace FairSharp.Metrics;

/// <summary>
/// Per-group randomised decision thresholds fitted by <see cref="ThresholdOptimizer.Fit"/> (fairlearn's fitted
/// <c>ThresholdOptimizer</c>): a rule per group, applied to a model's scores. Immutable; serialisable as it is.
/// </summary>
/// <param name="Constraint">The constraint the rules satisfy on the fitting data.</param>
/// <param name="GridSize">Grid intervals over [0, 1] the constraint value was chosen from.</param>
/// <param name="ConstraintValue">The common value of the constrained rate on the fitting data: the selection rate
/// (demographic parity) or the false positive rate (equalized odds).</param>
/// <param name="TruePositiveRate">Equalized odds: the common true positive rate on the fitting data; NaN for
/// demographic parity.</param>
/// <param name="Objective">Expected accuracy of the randomised rules on the fitting data (the maximised objective).</param>
/// <param name="Rules">The rule of each group, by group name.</param>
public sealed record ThresholdPostprocessor(
    PostprocessingConstraint Constraint,
    int GridSize,
    double ConstraintValue,
    double TruePositiveRate,
    double Objective,
    IReadOnlyDictionary<string, GroupDecisionRule> Rules)
{
    /// <summary>The seed <see cref="Predict"/> uses when given none. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>P(ŷ = 1) of each row under its group's rule.</summary>
    /// <exception cref="InvalidInputException">Lengths differ, or a group with rows has no rule.</exception>
    public double[] PositiveProbabilities(ReadOnlySpan<double> scores, GroupLabels groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Fail.IfLengthDiffers("scores", scores.Length, groups.Rows);
        var rules = new GroupDecisionRule[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups.RowCounts[g] > 0)
            {
                rules[g] = Rules.TryGetValue(groups.Names[g], out var rule)
                    ? rule
                    : throw Fail.With(MetricErrors.NoGroupRule, groups.Names[g], string.Join(", ", Rules.Keys));
            }
        }

        var probabilities = new double[scores.Length];
        var codes = groups.Codes;
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = rules[codes[i]].PositiveProbability(scores[i]);
        }

        return probabilities;
    }

    /// <summary>
    /// Randomised decisions: ŷ_i = [u_i &lt; P(ŷ = 1 | s_i, a_i)] with u_i the i-th draw of <c>new Random(seed)</c>'s
    /// (<paramref name="seed"/>, else <see cref="Seed"/>)
    /// <c>NextDouble()</c> in row order, so a row is 1 with exactly its rule's probability (fairlearn draws
    /// <c>random_state.rand(n)</c> the same way). Equal seeds and rows give equal decisions.
    /// </summary>
    /// <exception cref="InvalidInputException">As <see cref="PositiveProbabilities"/>.</exception>
    public int[] Predict(ReadOnlySpan<double> scores, GroupLabels groups, int? seed = null)
    {
        var probabilities = PositiveProbabilities(scores, groups);
        var random = new Random(seed ?? Seed);
        var decisions = new int[probabilities.Length];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = random.NextDouble() < probabilities[i] ? 1 : 0;
        }

        return decisions;
    }
}
