namespace FairSharp.Metrics.Tests;

public sealed class RankingMetricsTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Average_precision_reproduces_the_sklearn_doctest()
    {
        RankingMetrics.AveragePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).ShouldBe(0.8333333333333333, Tolerance);
    }

    [Fact]
    public void Roc_auc_reproduces_the_sklearn_example()
    {
        RankingMetrics.RocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).ShouldBe(0.75, Tolerance);
    }

    [Fact]
    public void Ties_are_one_threshold_as_in_sklearn()
    {
        // Every score tied: AUC 1/2 (each pair counts 1/2), AP = precision at the single threshold.
        RankingMetrics.RocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]).ShouldBe(0.5, Tolerance);
        RankingMetrics.AveragePrecision([0, 1, 0, 0], [0.5, 0.5, 0.5, 0.5]).ShouldBe(0.25, Tolerance);
        // One positive tied with one negative at the top: AUC = (1 pair won + 1/2 tie) / 2 pairs... = 0.75.
        RankingMetrics.RocAuc([1, 0, 0], [0.9, 0.9, 0.1]).ShouldBe(0.75, Tolerance);
        // sklearn: precision_recall_curve at 0.9 is (1/2, recall 1) → AP = 0.5.
        RankingMetrics.AveragePrecision([1, 0, 0], [0.9, 0.9, 0.1]).ShouldBe(0.5, Tolerance);
    }

    [Fact]
    public void Weighted_auc_counts_weighted_pairs()
    {
        // positive (w 2) at 0.8 beats the negative at 0.3 (w 1) but loses to the negative at 0.9 (w 3): 2·1 / (2·4).
        RankingMetrics.RocAuc([1, 0, 0], [0.8, 0.9, 0.3], [2, 3, 1]).ShouldBe(0.25, Tolerance);
    }

    [Fact]
    public void Roc_curve_points_match_sklearn_without_dropping()
    {
        var roc = RankingMetrics.Roc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
        roc.FalsePositiveRates.ShouldBe([0, 0, 0.5, 0.5, 1]);
        roc.TruePositiveRates.ShouldBe([0, 0.5, 0.5, 1, 1]);
        roc.Thresholds.ShouldBe([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1]);
        roc.Area().ShouldBe(0.75, Tolerance);
    }

    [Fact]
    public void One_class_makes_auc_undefined()
    {
        double.IsNaN(RankingMetrics.RocAuc([1, 1], [0.2, 0.3])).ShouldBeTrue();
        double.IsNaN(RankingMetrics.AveragePrecision([0, 0], [0.2, 0.3])).ShouldBeTrue();
    }

    [Fact]
    public void Abroca_of_a_perfect_and_a_diagonal_ranking_is_one_half()
    {
        // Group a ranks perfectly (TPR = 1 for f > 0); group b ties everything (TPR = f): ∫ (1 − f) df = 1/2 exactly on the grid.
        int[] y = [1, 0, 1, 0, 1, 0];
        double[] s = [0.9, 0.1, 0.8, 0.2, 0.5, 0.5];
        var groups = GroupLabels.FromColumn(["a", "a", "a", "a", "b", "b"]);
        RankingMetrics.Abroca(y, s, groups).ShouldBe(0.5, Tolerance);
    }

    [Fact]
    public void Abroca_of_opposite_rankings_is_one_minus_half_a_grid_step()
    {
        int[] y = [1, 0, 1, 0];
        double[] s = [0.9, 0.1, 0.1, 0.9];
        var groups = GroupLabels.FromColumn(["a", "a", "b", "b"]);
        RankingMetrics.Abroca(y, s, groups).ShouldBe(1 - 0.5 / 9_999, Tolerance);
        RankingMetrics.Abroca(y, s, groups, gridPoints: 3).ShouldBe(0.75, Tolerance);
    }

    [Fact]
    public void Abroca_is_zero_for_identical_groups_and_symmetric_in_the_groups()
    {
        int[] y = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0];
        double[] s = [0.9, 0.3, 0.6, 0.4, 0.5, 0.1, 0.9, 0.3, 0.6, 0.4, 0.5, 0.1];
        var groups = GroupLabels.FromColumn(["a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"]);
        RankingMetrics.Abroca(y, s, groups).ShouldBe(0.0, Tolerance);
        var flipped = GroupLabels.FromColumn(["b", "b", "b", "b", "b", "b", "a", "a", "a", "a", "a", "a"]);
        double[] s2 = [0.9, 0.3, 0.6, 0.4, 0.5, 0.1, 0.2, 0.3, 0.6, 0.4, 0.5, 0.1];
        var g2 = GroupLabels.FromColumn(["a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"]);
        RankingMetrics.Abroca(y, s2, g2).ShouldBe(RankingMetrics.Abroca(y, s2, flipped), Tolerance);
    }

    [Fact]
    public void Abroca_is_undefined_when_a_group_lacks_a_class()
    {
        var groups = GroupLabels.FromColumn(["a", "a", "b", "b"]);
        double.IsNaN(RankingMetrics.Abroca([1, 0, 1, 1], [0.2, 0.4, 0.5, 0.6], groups)).ShouldBeTrue();
    }

    [Fact]
    public void Bad_labels_and_scores_name_the_row()
    {
        Should.Throw<InvalidInputException>(() => RankingMetrics.RocAuc([0, 2], [0.1, 0.2])).Message
            .ShouldBe("y_true at row 1 is 2; labels must be 0 or 1");
        Should.Throw<InvalidInputException>(() => RankingMetrics.RocAuc([0, 1], [double.NaN, 0.2])).Message
            .ShouldBe("score at row 0 is NaN; scores must be probabilities in [0, 1]");
    }
}
