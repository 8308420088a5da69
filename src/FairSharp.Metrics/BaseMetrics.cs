namespace FairSharp.Metrics;

/// <summary>
/// fairlearn's base metrics (<c>fairlearn.metrics._base_metrics</c>) with the same semantics: optional sample weights
/// (an empty span means every weight is 1), <c>pos_label</c>, fairlearn's label rules and error texts, and 0 for a rate
/// whose denominator is 0.
/// </summary>
public static class BaseMetrics
{
    /// <summary>Selection rate Σ w·[ŷ = pos_label] / Σ w; y_true is ignored (fairlearn <c>selection_rate</c>).</summary>
    /// <exception cref="InvalidInputException"><see cref="MetricErrors.EmptySelectionRateInput"/> on empty input.</exception>
    public static double SelectionRate(ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default, int posLabel = 1)
    {
        if (yPred.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptySelectionRateInput);
        }

        var total = Fail.CheckWeights(sampleWeight, yPred.Length);
        var selected = 0.0;
        for (var i = 0; i < yPred.Length; i++)
        {
            if (yPred[i] == posLabel)
            {
                selected += sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            }
        }

        return selected / total;
    }

    /// <summary>Selection rate Σ w·[ŷ = pos_label] / Σ w for labels of any type (e.g. strings).</summary>
    /// <exception cref="InvalidInputException"><see cref="MetricErrors.EmptySelectionRateInput"/> on empty input.</exception>
    public static double SelectionRate<T>(ReadOnlySpan<T> yPred, T posLabel, ReadOnlySpan<double> sampleWeight = default)
        where T : IEquatable<T>
    {
        if (yPred.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptySelectionRateInput);
        }

        var total = Fail.CheckWeights(sampleWeight, yPred.Length);
        var selected = 0.0;
        for (var i = 0; i < yPred.Length; i++)
        {
            if (yPred[i].Equals(posLabel))
            {
                selected += sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            }
        }

        return selected / total;
    }

    /// <summary>Weighted confusion counts with the labels resolved by <see cref="BinaryLabels.Resolve"/>.</summary>
    /// <exception cref="InvalidInputException">Empty input, mismatched lengths, bad weights or fairlearn's label errors.</exception>
    public static ConfusionCounts Confusion(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default,
        int? posLabel = null, string metricName = "confusion_matrix")
    {
        if (yTrue.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyInput, metricName);
        }

        Fail.IfLengthDiffers("y_pred", yPred.Length, yTrue.Length);
        Fail.CheckWeights(sampleWeight, yTrue.Length);
        var labels = BinaryLabels.Resolve(yTrue, yPred, posLabel);
        double tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            var truePositive = yTrue[i] == labels.Positive;
            var predPositive = yPred[i] == labels.Positive;
            if (truePositive)
            {
                if (predPositive) { tp += w; } else { fn += w; }
            }
            else if (predPositive) { fp += w; }
            else { tn += w; }
        }

        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /// <summary>True positive rate TP / (TP + FN), 0 when there are no positives (fairlearn <c>true_positive_rate</c>).</summary>
    public static double TruePositiveRate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default, int? posLabel = null) =>
        Confusion(yTrue, yPred, sampleWeight, posLabel, "true_positive_rate").TruePositiveRate;

    /// <summary>False positive rate FP / (FP + TN), 0 when there are no negatives (fairlearn <c>false_positive_rate</c>).</summary>
    public static double FalsePositiveRate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default, int? posLabel = null) =>
        Confusion(yTrue, yPred, sampleWeight, posLabel, "false_positive_rate").FalsePositiveRate;

    /// <summary>True negative rate TN / (TN + FP), 0 when there are no negatives (fairlearn <c>true_negative_rate</c>).</summary>
    public static double TrueNegativeRate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default, int? posLabel = null) =>
        Confusion(yTrue, yPred, sampleWeight, posLabel, "true_negative_rate").TrueNegativeRate;

    /// <summary>False negative rate FN / (FN + TP), 0 when there are no positives (fairlearn <c>false_negative_rate</c>).</summary>
    public static double FalseNegativeRate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default, int? posLabel = null) =>
        Confusion(yTrue, yPred, sampleWeight, posLabel, "false_negative_rate").FalseNegativeRate;

    /// <summary>Accuracy Σ w·[ŷ = y] / Σ w (sklearn <c>accuracy_score</c>); any label values.</summary>
    public static double Accuracy(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        if (yTrue.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyInput, "accuracy");
        }

        Fail.IfLengthDiffers("y_pred", yPred.Length, yTrue.Length);
        var total = Fail.CheckWeights(sampleWeight, yTrue.Length);
        var correct = 0.0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i] == yPred[i])
            {
                correct += sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            }
        }

        return correct / total;
    }

    /// <summary>
    /// Balanced accuracy (sklearn <c>balanced_accuracy_score</c>): the mean over the classes c present in y_true of the
    /// recall Σ w·[y = c, ŷ = c] / Σ w·[y = c]; any label values.
    /// </summary>
    public static double BalancedAccuracy(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        if (yTrue.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyInput, "balanced_accuracy");
        }

        Fail.IfLengthDiffers("y_pred", yPred.Length, yTrue.Length);
        Fail.CheckWeights(sampleWeight, yTrue.Length);
        var support = new Dictionary<int, (double Hit, double All)>();
        for (var i = 0; i < yTrue.Length; i++)
        {
            var w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            support.TryGetValue(yTrue[i], out var s);
            support[yTrue[i]] = (s.Hit + (yTrue[i] == yPred[i] ? w : 0.0), s.All + w);
        }

        var sum = 0.0;
        var classes = 0;
        foreach (var (_, (hit, all)) in support)
        {
            if (all > 0)
            {
                sum += hit / all;
                classes++;
            }
        }

        return sum / classes;
    }

    /// <summary>Mean prediction Σ w·ŷ / Σ w; y_true is ignored (fairlearn <c>mean_prediction</c>).</summary>
    public static double MeanPrediction(ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        if (yPred.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyInput, "mean_prediction");
        }

        var total = Fail.CheckWeights(sampleWeight, yPred.Length);
        var sum = 0.0;
        for (var i = 0; i < yPred.Length; i++)
        {
            sum += yPred[i] * (sampleWeight.IsEmpty ? 1.0 : sampleWeight[i]);
        }

        return sum / total;
    }

    /// <summary>Mean prediction Σ w·ŷ / Σ w of integer predictions.</summary>
    public static double MeanPrediction(ReadOnlySpan<int> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        var asDouble = new double[yPred.Length];
        for (var i = 0; i < yPred.Length; i++)
        {
            asDouble[i] = yPred[i];
        }

        return MeanPrediction(asDouble, sampleWeight);
    }
}
