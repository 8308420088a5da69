namespace FairSharp.Experiments.Analysis;

/// <summary>A statistic with its bootstrap standard error and percentile interval (resamples of the seeds for sweep
/// statistics, of the (x, y) pairs for rank correlations).</summary>
/// <param name="Value">The statistic on all the data (the point estimate).</param>
/// <param name="StdError">Standard deviation of the statistic over the bootstrap resamples.</param>
/// <param name="Low">Lower end of the percentile bootstrap interval.</param>
/// <param name="High">Upper end of the percentile bootstrap interval.</param>
public sealed record IntervalEstimate(double Value, double StdError, double Low, double High)
{
    /// <summary>The estimate of <paramref name="value"/> from its bootstrap <paramref name="samples"/> (non-finite
    /// samples, from resamples where the statistic is undefined, are dropped).</summary>
    internal static IntervalEstimate FromSamples(double value, IEnumerable<double> samples, double confidence)
    {
        var finite = samples.Where(double.IsFinite).ToArray();
        var (low, high) = Statistics.PercentileInterval(finite, confidence);
        return new IntervalEstimate(value, Statistics.SampleStd(finite), low, high);
    }
}
