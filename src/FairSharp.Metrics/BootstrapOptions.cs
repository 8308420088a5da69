namespace FairSharp.Metrics;

/// <summary>
/// Bootstrap confidence intervals of a <see cref="MetricFrame"/> (fairlearn ≥ 0.10: <c>n_boot</c>, <c>ci_quantiles</c>,
/// <c>random_state</c>): each sample draws n rows with replacement from the n rows, and every accessor reports the
/// quantiles (numpy's linear interpolation) of its value over the samples.
/// </summary>
/// <param name="Samples">Number of bootstrap samples (<c>n_boot</c>); default 100, at least 1.</param>
/// <param name="Quantiles">Quantiles to report (<c>ci_quantiles</c>), each in [0, 1]; default [0.025, 0.5, 0.975] (null = default).</param>
/// <param name="Seed">Seed of the row sampler (<c>random_state</c>); default 0. Equal seeds give equal intervals.</param>
public sealed record BootstrapOptions(int Samples = 100, IReadOnlyList<double>? Quantiles = null, int Seed = 0)
{
    /// <summary>The default quantiles: a 95% interval and the median.</summary>
    public static IReadOnlyList<double> DefaultQuantiles { get; } = [0.025, 0.5, 0.975];

    /// <summary>The quantiles in effect (<see cref="Quantiles"/> or <see cref="DefaultQuantiles"/>).</summary>
    public IReadOnlyList<double> EffectiveQuantiles => Quantiles ?? DefaultQuantiles;

    /// <summary>Throws <see cref="InvalidInputException"/> for fewer than one sample or a quantile outside [0, 1].</summary>
    public void Validate()
    {
        if (Samples < 1)
        {
            throw Fail.With(MetricErrors.InvalidBootstrapSamples, Samples);
        }

        if (EffectiveQuantiles.Count == 0)
        {
            throw Fail.With(MetricErrors.NoQuantiles);
        }

        foreach (var q in EffectiveQuantiles)
        {
            if (!(q >= 0 && q <= 1))
            {
                throw Fail.With(MetricErrors.InvalidQuantile, q);
            }
        }
    }
}
