namespace FairSharp.Metrics;

/// <summary>Regression metrics for <see cref="MetricFrame.Create{T}"/> with <c>double</c> targets (sklearn semantics, optional weights).</summary>
public static class RegressionMetrics
{
    /// <summary>Mean squared error Σ w·(y − ŷ)² / Σ w.</summary>
    public static double MeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        var total = Check(yTrue, yPred, sampleWeight, "mean_squared_error");
        var sum = 0.0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var d = yTrue[i] - yPred[i];
            sum += d * d * (sampleWeight.IsEmpty ? 1.0 : sampleWeight[i]);
        }

        return sum / total;
    }

    /// <summary>Root mean squared error √MSE.</summary>
    public static double RootMeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        Math.Sqrt(MeanSquaredError(yTrue, yPred, sampleWeight));

    /// <summary>Coefficient of determination R² = 1 − Σ w·(y − ŷ)² / Σ w·(y − ȳ_w)² (sklearn <c>r2_score</c>).</summary>
    public static double RSquared(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        var total = Check(yTrue, yPred, sampleWeight, "r2_score");
        var mean = 0.0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            mean += yTrue[i] * (sampleWeight.IsEmpty ? 1.0 : sampleWeight[i]);
        }

        mean /= total;
        double residual = 0, spread = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            var w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            residual += w * (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            spread += w * (yTrue[i] - mean) * (yTrue[i] - mean);
        }

        return 1 - residual / spread;
    }

    private static double Check(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight, string name)
    {
        if (yTrue.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyInput, name);
        }

        Fail.IfLengthDiffers("y_pred", yPred.Length, yTrue.Length);
        return Fail.CheckWeights(sampleWeight, yTrue.Length);
    }
}
