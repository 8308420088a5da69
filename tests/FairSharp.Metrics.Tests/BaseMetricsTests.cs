namespace FairSharp.Metrics.Tests;

public sealed class BaseMetricsTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Selection_rate_fixture_2()
    {
        BaseMetrics.SelectionRate([0, 0, 0, 1, 1, 1, 1, 1]).ShouldBe(0.625, Tolerance);
    }

    [Fact]
    public void Selection_rate_with_weights_fixture_3()
    {
        BaseMetrics.SelectionRate([0, 1, 1, 0, 0, 0, 0, 0], [1, 2, 3, 4, 1, 2, 1, 2]).ShouldBe(0.3125, Tolerance);
    }

    [Fact]
    public void Selection_rate_with_string_pos_label_fixture_4()
    {
        string[] yPred = ["a", "a", "a", "b", "b", "b", "a", "a"];
        BaseMetrics.SelectionRate<string>(yPred, "b").ShouldBe(0.375, Tolerance);
    }

    [Fact]
    public void Selection_rate_on_empty_input_has_fairlearns_text()
    {
        Should.Throw<InvalidInputException>(() => BaseMetrics.SelectionRate([])).Message
            .ShouldBe("Empty y_pred passed to selection_rate function.");
    }

    [Fact]
    public void True_positive_rate_fixture_5()
    {
        int[] yTrue = [0, 0, 0, 0, 1, 1, 1, 1];
        int[] yPred = [0, 0, 0, 1, 1, 0, 0, 0];
        BaseMetrics.TruePositiveRate(yTrue, yPred).ShouldBe(0.25, Tolerance);
        BaseMetrics.TruePositiveRate(yTrue, yPred, posLabel: 0).ShouldBe(0.75, Tolerance);
    }

    [Fact]
    public void False_positive_rate_with_minus_one_labels_fixture_6()
    {
        int[] yTrue = [-1, -1, -1, -1, 1, 1, 1];
        int[] yPred = [-1, 1, 1, -1, -1, 1, -1];
        BaseMetrics.FalsePositiveRate(yTrue, yPred).ShouldBe(0.5, Tolerance);
        BaseMetrics.FalsePositiveRate(yTrue, yPred, posLabel: -1).ShouldBe(2.0 / 3.0, Tolerance);
    }

    [Fact]
    public void Single_value_arrays_use_the_zero_over_zero_convention_fixture_7()
    {
        var zeros = new int[10];
        BaseMetrics.TruePositiveRate(zeros, zeros).ShouldBe(0.0);
        BaseMetrics.FalsePositiveRate(zeros, zeros).ShouldBe(0.0);
        BaseMetrics.TrueNegativeRate(zeros, zeros).ShouldBe(1.0);
        BaseMetrics.FalseNegativeRate(zeros, zeros).ShouldBe(0.0);
        BaseMetrics.TruePositiveRate(zeros, zeros, posLabel: 0).ShouldBe(1.0);
    }

    [Fact]
    public void Mean_prediction_fixture_8()
    {
        BaseMetrics.MeanPrediction([0, 1, 2, 3, 4], [8, 2, 1, 2, 1]).ShouldBe(1.0, Tolerance);
        BaseMetrics.MeanPrediction([0, 1, 2, 3, 4]).ShouldBe(2.0, Tolerance);
    }

    [Fact]
    public void Labels_outside_0_1_and_minus_1_1_need_a_pos_label()
    {
        Should.Throw<InvalidInputException>(() => BaseMetrics.TruePositiveRate([0, 2, 2], [0, 2, 0])).Message
            .ShouldBe("If pos_label is not specified, values must be from {0, 1} or {-1, 1}");
        BaseMetrics.TruePositiveRate([0, 2, 2], [0, 2, 0], posLabel: 2).ShouldBe(0.5, Tolerance);
    }

    [Fact]
    public void More_than_two_label_values_is_fairlearns_error()
    {
        Should.Throw<InvalidInputException>(() => BaseMetrics.FalsePositiveRate([0, 1, 2], [0, 1, 1], posLabel: 1)).Message
            .ShouldBe(MetricErrors.TooManyUniqueYValues);
        MetricErrors.TooManyUniqueYValues.ShouldBe("Must have no more than two unique y values");
    }

    [Fact]
    public void A_pos_label_absent_from_two_values_is_fairlearns_error()
    {
        Should.Throw<InvalidInputException>(() => BaseMetrics.TruePositiveRate([3, 4], [4, 3], posLabel: 1)).Message
            .ShouldBe("Must have pos_label in y values");
    }

    [Fact]
    public void Rates_on_empty_input_name_the_function()
    {
        Should.Throw<InvalidInputException>(() => BaseMetrics.TruePositiveRate([], [])).Message
            .ShouldBe("Empty y_true passed to true_positive_rate function.");
    }

    [Fact]
    public void Weighted_rates_are_weighted_cell_sums()
    {
        // positives: rows 4..7 with weights 1,2,3,4; predicted positive at rows 4 and 7 → (1 + 4) / 10.
        BaseMetrics.TruePositiveRate([0, 0, 0, 0, 1, 1, 1, 1], [0, 0, 0, 1, 1, 0, 0, 1], [1, 1, 1, 5, 1, 2, 3, 4]).ShouldBe(0.5, Tolerance);
        // negatives: weights 1,1,1,5; predicted positive at row 3 → 5 / 8.
        BaseMetrics.FalsePositiveRate([0, 0, 0, 0, 1, 1, 1, 1], [0, 0, 0, 1, 1, 0, 0, 1], [1, 1, 1, 5, 1, 2, 3, 4]).ShouldBe(0.625, Tolerance);
    }

    [Fact]
    public void Accuracy_and_balanced_accuracy_follow_sklearn()
    {
        int[] yTrue = [0, 0, 0, 0, 1, 1];
        int[] yPred = [0, 0, 0, 1, 1, 0];
        BaseMetrics.Accuracy(yTrue, yPred).ShouldBe(4.0 / 6.0, Tolerance);
        BaseMetrics.BalancedAccuracy(yTrue, yPred).ShouldBe((0.75 + 0.5) / 2, Tolerance);
        // Only one class in y_true: the recall of that class (sklearn drops the absent class).
        BaseMetrics.BalancedAccuracy([1, 1, 1, 1], [1, 0, 1, 1]).ShouldBe(0.75, Tolerance);
    }

    [Fact]
    public void Negative_weights_are_refused_with_the_row()
    {
        Should.Throw<InvalidInputException>(() => BaseMetrics.SelectionRate([1, 0], [1, -2])).Message
            .ShouldBe("sample weight at row 1 is -2; weights must be finite and >= 0");
    }
}
