namespace FairSharp.Experiments.Analysis;

/// <summary>A quantity estimated over seeds: its mean, spread and a bootstrap confidence interval.</summary>
/// <param name="Mean">Mean over the seeds (the point estimate).</param>
/// <param name="Std">Sample standard deviation over the seeds (n − 1 in the denominator; 0 for one seed).</param>
/// <param name="Low">Lower end of the percentile bootstrap interval.</param>
/// <param name="High">Upper end of the percentile bootstrap interval.</param>
/// <param name="Count">Number of seeds behind the estimate.</param>
public sealed record Estimate(double Mean, double Std, double Low, double High, int Count);
