namespace FairSharp.Experiments.Analysis;

/// <summary>A statistic computed on seed means, with its bootstrap standard error and percentile interval.</summary>
/// <param name="Value">The statistic on the means over all seeds (the point estimate).</param>
/// <param name="StdError">Standard deviation of the statistic over bootstrap resamples of the seeds.</param>
/// <param name="Low">Lower end of the percentile bootstrap interval.</param>
/// <param name="High">Upper end of the percentile bootstrap interval.</param>
public sealed record IntervalEstimate(double Value, double StdError, double Low, double High);
