namespace FairSharp.Metrics;

/// <summary>
/// A metric evaluated on a subset of rows, as fairlearn's MetricFrame calls it: true values, predictions and sample weights
/// (an empty weight span means every weight is 1). Never called with zero rows. <typeparamref name="T"/> is <c>int</c> for
/// class labels and <c>double</c> for regression targets or scores.
/// </summary>
public delegate double MetricFunction<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred, ReadOnlySpan<double> sampleWeight);
