namespace FairSharp.Metrics.Tests;

public sealed class ThresholdOptimizerTests
{
    // Hand-made fixture: group a scores higher than group b.
    private static readonly double[] Scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.4, 0.35, 0.2, 0.85, 0.6, 0.5, 0.45, 0.3, 0.25, 0.1, 0.05];
    private static readonly int[] Labels = [1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0];
    private static readonly GroupLabels Groups = GroupLabels.FromColumn([.. Enumerable.Repeat("a", 8), .. Enumerable.Repeat("b", 8)]);

    // Reference values: fairlearn's own ThresholdOptimizer (source of commit 809245ef, the last before the narwhals
    // rewrite, run with Debian's python3-numpy 1.24 / pandas 1.5 / sklearn 1.2; fairlearn is not in CI):
    //   ThresholdOptimizer(estimator=<returns X[:, 0] as predict_proba[:, 1]>, constraints=C, prefit=True,
    //     predict_method='predict_proba', grid_size=G).fit(X, y, sensitive_features=A)
    //   then interpolation_dict, _x_best, _y_best and _pmf_predict(X, sensitive_features=A)[:, 1].
    [Fact]
    public void Demographic_parity_matches_fairlearn_on_the_fixture()
    {
        var fit = ThresholdOptimizer.Fit(Labels, Scores, Groups, PostprocessingConstraint.DemographicParity);
        fit.ConstraintValue.ShouldBe(0.375);
        fit.Rules["a"].ShouldBe(new GroupDecisionRule(double.PositiveInfinity, 0, 0.75));
        fit.Rules["b"].ShouldBe(new GroupDecisionRule(0.725, 0, 0.475));
        fit.PositiveProbabilities(Scores, Groups).ShouldBe([1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0]);

        var coarse = ThresholdOptimizer.Fit(Labels, Scores, Groups, PostprocessingConstraint.DemographicParity, gridSize: 10);
        coarse.ConstraintValue.ShouldBe(0.4);
        coarse.Rules["a"].Threshold0.ShouldBe(0.75);
        coarse.Rules["a"].Weight0.ShouldBe(0.8999999999999999, 1e-15);
        coarse.Rules["a"].Threshold1.ShouldBe(0.5);
        coarse.Rules["b"].Threshold0.ShouldBe(0.475);
        coarse.Rules["b"].Weight0.ShouldBe(0.9333333333333332, 1e-15);
        coarse.Rules["b"].Threshold1.ShouldBe(0.175);
        coarse.PositiveProbabilities(Scores, Groups).ShouldBe(
            [1, 1, 1, 0.1, 0.1, 0, 0, 0, 1, 1, 1, 0.066666666667, 0.066666666667, 0.066666666667, 0, 0], 1e-12);
    }

    [Fact]
    public void Equalized_odds_matches_fairlearn_on_the_fixture()
    {
        var fit = ThresholdOptimizer.Fit(Labels, Scores, Groups, PostprocessingConstraint.EqualizedOdds);
        fit.ConstraintValue.ShouldBe(0.2);
        fit.TruePositiveRate.ShouldBe(0.6666666666666666, 1e-15);
        var a = fit.Rules["a"];
        a.IgnoreProbability.ShouldBe(0.37777777777777777, 1e-15);
        a.ConstantRate.ShouldBe(0.2);
        a.Threshold0.ShouldBe(0.75);
        a.Weight0.ShouldBe(0.19999999999999996, 1e-15);
        a.Threshold1.ShouldBe(0.5);
        fit.Rules["b"].ShouldBe(new GroupDecisionRule(0.725, 0, 0.475, 0, 0.2));
        fit.PositiveProbabilities(Scores, Groups).ShouldBe(
            [0.697777777778, 0.697777777778, 0.697777777778, 0.573333333333, 0.573333333333, 0.075555555556, 0.075555555556, 0.075555555556,
             1, 1, 1, 0, 0, 0, 0, 0], 1e-12);
    }

    [Fact]
    public void Demographic_parity_equalises_expected_selection_rates_and_beats_every_feasible_deterministic_pair()
    {
        var (labels, scores, groups) = Synthetic(seed: 1, rowsPerGroup: 60, groupCount: 2);
        var fit = ThresholdOptimizer.Fit(labels, scores, groups, PostprocessingConstraint.DemographicParity);
        var p = fit.PositiveProbabilities(scores, groups);
        for (var g = 0; g < groups.Count; g++)
        {
            Mean(p, i => groups.Codes[i] == g).ShouldBe(fit.ConstraintValue, 1e-12);
        }

        var expectedAccuracy = Mean(Enumerable.Range(0, p.Length).Select(i => labels[i] == 1 ? p[i] : 1 - p[i]).ToArray(), _ => true);
        expectedAccuracy.ShouldBe(fit.Objective, 1e-12);

        // Every pair of deterministic thresholds (one per group) with equal selection rates is feasible for DP; the
        // randomised rules must be at least as accurate as the best of them, and no worse than "select nobody".
        var best = 0.0;
        foreach (var ta in Cuts(scores, groups, 0))
        {
            foreach (var tb in Cuts(scores, groups, 1))
            {
                var rateA = Mean(scores, i => groups.Codes[i] == 0, s => s > ta);
                var rateB = Mean(scores, i => groups.Codes[i] == 1, s => s > tb);
                if (Math.Abs(rateA - rateB) < 1e-12)
                {
                    var correct = Enumerable.Range(0, labels.Length).Count(i => (scores[i] > (groups.Codes[i] == 0 ? ta : tb) ? 1 : 0) == labels[i]);
                    best = Math.Max(best, correct / (double)labels.Length);
                }
            }
        }

        best.ShouldBeGreaterThan(0.5);
        fit.Objective.ShouldBeGreaterThanOrEqualTo(best - 1e-12);
        var gap = Math.Abs(Mean(scores, i => groups.Codes[i] == 0, s => s >= 0.5) - Mean(scores, i => groups.Codes[i] == 1, s => s >= 0.5));
        gap.ShouldBeGreaterThan(0.1); // the fixture is unfair at 0.5, so the constraint costs something
    }

    [Fact]
    public void Equalized_odds_gives_equal_expected_true_and_false_positive_rates_in_every_group()
    {
        var (labels, scores, groups) = Synthetic(seed: 2, rowsPerGroup: 80, groupCount: 3);
        var fit = ThresholdOptimizer.Fit(labels, scores, groups, PostprocessingConstraint.EqualizedOdds);
        var p = fit.PositiveProbabilities(scores, groups);
        for (var g = 0; g < groups.Count; g++)
        {
            Mean(p, i => groups.Codes[i] == g && labels[i] == 1).ShouldBe(fit.TruePositiveRate, 1e-12);
            Mean(p, i => groups.Codes[i] == g && labels[i] == 0).ShouldBe(fit.ConstraintValue, 1e-12);
        }

        fit.TruePositiveRate.ShouldBeGreaterThan(fit.ConstraintValue);
        fit.Rules.Values.Count(r => r.IgnoreProbability > 0).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Randomised_decisions_follow_the_rule_probabilities_and_repeat_with_the_seed()
    {
        var rule = new GroupDecisionRule(0.6, 0.25, 0.4, 0.2, 0.5);
        rule.PositiveProbability(0.5).ShouldBe((0.8 * 0.75) + (0.2 * 0.5), 1e-15);
        var postprocessor = new ThresholdPostprocessor(PostprocessingConstraint.EqualizedOdds, 1000, 0.5, 0.5, 0.5,
            new Dictionary<string, GroupDecisionRule> { ["a"] = rule, ["b"] = new(0.9, 1, 0.9) });
        const int n = 40_000;
        var scores = Enumerable.Repeat(0.5, n).ToArray();
        var groups = GroupLabels.FromColumn([.. Enumerable.Repeat("a", n - 1), "b"]);
        var decisions = postprocessor.Predict(scores, groups, seed: 3);
        (decisions.Take(n - 1).Average()).ShouldBe(0.7, 0.01);
        decisions[^1].ShouldBe(0);
        postprocessor.Predict(scores, groups, seed: 3).ShouldBe(decisions);
        postprocessor.Predict(scores, groups, seed: 4).ShouldNotBe(decisions);
    }

    [Fact]
    public void Bad_input_is_refused_with_one_line()
    {
        var withEmpty = GroupLabels.FromCodes(Enumerable.Repeat(0, 8).Concat(Enumerable.Repeat(1, 8)).ToArray(), ["a", "b", "c"]);
        Should.Throw<InvalidInputException>(() => ThresholdOptimizer.Fit(Labels, Scores, withEmpty, PostprocessingConstraint.DemographicParity))
            .Message.ShouldBe("group 'c' has no rows to choose its thresholds on: every group needs rows of both labels");
        int[] onlyPositiveInB = [.. Labels.Take(8), .. Enumerable.Repeat(1, 8)];
        Should.Throw<InvalidInputException>(() => ThresholdOptimizer.Fit(onlyPositiveInB, Scores, Groups, PostprocessingConstraint.EqualizedOdds))
            .Message.ShouldBe("group 'b' has only label 1 (8 rows): choosing its thresholds needs rows of both labels");
        Should.Throw<InvalidInputException>(() => ThresholdOptimizer.Fit(Labels, Scores, Groups, PostprocessingConstraint.DemographicParity, gridSize: 0))
            .Message.ShouldBe("grid_size must be at least 1, got 0");
        double[] nan = [.. Scores];
        nan[3] = double.NaN;
        Should.Throw<InvalidInputException>(() => ThresholdOptimizer.Fit(Labels, nan, Groups, PostprocessingConstraint.DemographicParity))
            .Message.ShouldBe("score at row 3 is NaN; scores must be finite numbers");
        var fit = ThresholdOptimizer.Fit(Labels, Scores, Groups, PostprocessingConstraint.DemographicParity);
        Should.Throw<InvalidInputException>(() => fit.PositiveProbabilities([0.5], GroupLabels.FromColumn(["z"])))
            .Message.ShouldBe("group 'z' has no thresholds (the post-processed model has: a, b)");
    }

    /// <summary>Two or more groups whose score distributions differ (group g's scores are shifted down by 0.1·g).</summary>
    private static (int[] Labels, double[] Scores, GroupLabels Groups) Synthetic(int seed, int rowsPerGroup, int groupCount)
    {
        var random = new Random(seed);
        var labels = new List<int>();
        var scores = new List<double>();
        var names = new List<string>();
        for (var g = 0; g < groupCount; g++)
        {
            for (var i = 0; i < rowsPerGroup; i++)
            {
                var y = random.NextDouble() < 0.5 - (0.1 * g) ? 1 : 0;
                var s = Math.Clamp((0.25 * y) + (0.6 * random.NextDouble()) + 0.2 - (0.1 * g), 0, 1);
                labels.Add(y);
                scores.Add(Math.Round(s, 2)); // ties, as real scores have
                names.Add(((char)('a' + g)).ToString());
            }
        }

        return ([.. labels], [.. scores], GroupLabels.FromColumn(names));
    }

    private static double[] Cuts(double[] scores, GroupLabels groups, int g) =>
        [double.PositiveInfinity, .. scores.Where((_, i) => groups.Codes[i] == g).Distinct().Select(s => s - 1e-9)];

    private static double Mean(double[] values, Func<int, bool> where) =>
        Enumerable.Range(0, values.Length).Where(where).Average(i => values[i]);

    private static double Mean(double[] scores, Func<int, bool> where, Func<double, bool> selected) =>
        Enumerable.Range(0, scores.Length).Where(where).Average(i => selected(scores[i]) ? 1.0 : 0.0);
}
