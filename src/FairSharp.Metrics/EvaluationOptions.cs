namespace FairSharp.Metrics;

/// <summary>Options of <see cref="ModelEvaluator.Evaluate(ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{int}, IReadOnlyList{string}, EvaluationOptions?)"/>.</summary>
/// <param name="Threshold">Decision threshold on the score p = P(y = 1 | x); default 0.5, in [0, 1].</param>
/// <param name="Comparison">How the threshold is applied; default <see cref="ThresholdComparison.GreaterOrEqual"/> (ŷ = [p ≥ t]).</param>
/// <param name="RankingMetrics">Compute the threshold-free keys (average_precision, roc_auc, abroca), which need one sort of
/// the rows; default true. When false those keys are NaN.</param>
/// <param name="AbrocaGridPoints">FPR grid points of ABROCA; default 10,000 (the TFS code), at least 2.</param>
/// <param name="BootstrapSamples">Bootstrap samples for confidence intervals of every key; default 0 (none).</param>
/// <param name="CiQuantiles">Quantiles of the bootstrap intervals; null = [0.025, 0.5, 0.975].</param>
/// <param name="Seed">Seed of the bootstrap row sampler; default 0. The point estimates do not depend on it.</param>
public sealed record EvaluationOptions(
    double Threshold = 0.5,
    ThresholdComparison Comparison = ThresholdComparison.GreaterOrEqual,
    bool RankingMetrics = true,
    int AbrocaGridPoints = Metrics.RankingMetrics.DefaultAbrocaGridPoints,
    int BootstrapSamples = 0,
    IReadOnlyList<double>? CiQuantiles = null,
    int Seed = 0)
{
    /// <summary>The defaults: ŷ = [p ≥ 0.5], ranking metrics on, no bootstrap.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The comparison as text, e.g. <c>score &gt;= 0.5</c>.</summary>
    public string ComparisonText => MetricDefinitions.ComparisonText(Threshold, Comparison);

    /// <summary>Throws <see cref="InvalidInputException"/> for a threshold outside [0, 1], a grid below 2 points, a negative
    /// bootstrap count or a quantile outside [0, 1].</summary>
    public void Validate()
    {
        if (!(Threshold >= 0 && Threshold <= 1))
        {
            throw Fail.With(MetricErrors.ThresholdOutOfRange, Threshold);
        }

        if (AbrocaGridPoints < 2)
        {
            throw Fail.With(MetricErrors.InvalidGridPoints, AbrocaGridPoints);
        }

        if (BootstrapSamples < 0)
        {
            throw Fail.With(MetricErrors.InvalidBootstrapSamples, BootstrapSamples);
        }

        if (BootstrapSamples > 0)
        {
            new BootstrapOptions(BootstrapSamples, CiQuantiles, Seed).Validate();
        }
    }
}
