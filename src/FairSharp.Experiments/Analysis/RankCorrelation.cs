using System.Globalization;

namespace FairSharp.Experiments.Analysis;

/// <summary>
/// Spearman rank correlation, plain and partial, with percentile bootstrap intervals over the pairs.
/// <para>Ranks: average ranks, ties share the mean of the positions they occupy (1-based), as
/// <c>scipy.stats.rankdata(method='average')</c>. Spearman's ρ(x, y) is the Pearson correlation of the ranks,
/// r = Σ(R_i − R̄)(S_i − S̄) / √(Σ(R_i − R̄)² · Σ(S_i − S̄)²), which is <c>scipy.stats.spearmanr</c> with ties.</para>
/// <para>Partial Spearman of x and y controlling for z (the partial correlation of the ranks; Conover,
/// <i>Practical Nonparametric Statistics</i>, and <c>pingouin.partial_corr(method='spearman')</c>):
/// ρ_xy·z = (ρ_xy − ρ_xz·ρ_yz) / √((1 − ρ_xz²)(1 − ρ_yz²)), the Pearson correlation of the residuals of the ranks of x
/// and of y after a least-squares line on the ranks of z. It asks whether x still orders y once what z explains of
/// both is removed (e.g. does rationale alignment predict the fairness gap beyond the output gap?). Undefined (NaN)
/// when z's ranks are perfectly correlated with x's or y's.</para>
/// <para>Bootstrap: each resample draws n row indices with replacement (the pairs, or triples, stay together),
/// ranks the drawn values anew and recomputes the statistic; resamples where a variable came out constant are
/// undefined and dropped. The interval is the central percentile interval (numpy's linear quantiles).</para>
/// </summary>
public static class RankCorrelation
{
    /// <summary>Default number of bootstrap resamples, as <see cref="AnalysisOptions.Resamples"/>.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>Average ranks (1-based) of <paramref name="values"/>: tied values share the mean of their positions.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).ToArray();
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[values.Count];
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            // Positions start+1 … end share their mean.
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>Spearman's ρ of the pairs (x_i, y_i) (see the type's remarks).</summary>
    /// <exception cref="InvalidInputException">Lengths differ, fewer than 3 pairs, a non-finite value, or a constant variable.</exception>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Validate(("x", x), ("y", y));
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>Partial Spearman ρ_xy·z of x and y controlling for z (see the type's remarks).</summary>
    /// <exception cref="InvalidInputException">Lengths differ, fewer than 3 triples, a non-finite value, or a constant variable.</exception>
    public static double PartialSpearman(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z)
    {
        Validate(("x", x), ("y", y), ("z", z));
        return Partial(AverageRanks(x), AverageRanks(y), AverageRanks(z));
    }

    /// <summary><see cref="Spearman"/> with a percentile bootstrap interval over the pairs.</summary>
    /// <param name="x">First variable.</param>
    /// <param name="y">Second variable, paired with <paramref name="x"/> by position.</param>
    /// <param name="resamples">Bootstrap resamples (at least 100).</param>
    /// <param name="confidence">Level of the central interval, in (0, 1).</param>
    /// <param name="seed">Seed of the resampler: equal seeds give equal intervals.</param>
    /// <exception cref="InvalidInputException">Bad data (as <see cref="Spearman"/>) or bootstrap settings.</exception>
    public static IntervalEstimate SpearmanInterval(IReadOnlyList<double> x, IReadOnlyList<double> y,
        int resamples = DefaultResamples, double confidence = 0.95, int seed = 0)
    {
        var value = Spearman(x, y);
        return Bootstrap(value, [x, y], resamples, confidence, seed, v => Pearson(AverageRanks(v[0]), AverageRanks(v[1])));
    }

    /// <summary><see cref="PartialSpearman"/> with a percentile bootstrap interval over the triples.</summary>
    /// <param name="x">First variable.</param>
    /// <param name="y">Second variable.</param>
    /// <param name="z">The variable controlled for.</param>
    /// <param name="resamples">Bootstrap resamples (at least 100).</param>
    /// <param name="confidence">Level of the central interval, in (0, 1).</param>
    /// <param name="seed">Seed of the resampler: equal seeds give equal intervals.</param>
    /// <exception cref="InvalidInputException">Bad data (as <see cref="PartialSpearman"/>) or bootstrap settings.</exception>
    public static IntervalEstimate PartialSpearmanInterval(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z,
        int resamples = DefaultResamples, double confidence = 0.95, int seed = 0)
    {
        var value = PartialSpearman(x, y, z);
        return Bootstrap(value, [x, y, z], resamples, confidence, seed, v => Partial(AverageRanks(v[0]), AverageRanks(v[1]), AverageRanks(v[2])));
    }

    private static IntervalEstimate Bootstrap(double value, IReadOnlyList<double>[] variables, int resamples, double confidence, int seed,
        Func<double[][], double> statistic)
    {
        if (resamples < 100)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, AnalysisErrors.CorrelationResamples, resamples));
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, AnalysisErrors.CorrelationConfidence, confidence));
        }

        var n = variables[0].Count;
        var random = new Random(seed);
        var drawn = variables.Select(_ => new double[n]).ToArray();
        var samples = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = random.Next(n);
                for (var v = 0; v < variables.Length; v++)
                {
                    drawn[v][i] = variables[v][row];
                }
            }

            samples[r] = statistic(drawn);
        }

        return IntervalEstimate.FromSamples(value, samples, confidence);
    }

    /// <summary>Pearson correlation; NaN when either variable is constant.</summary>
    private static double Pearson(double[] a, double[] b)
    {
        var n = a.Length;
        double meanA = 0, meanB = 0;
        for (var i = 0; i < n; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= n;
        meanB /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            var da = a[i] - meanA;
            var db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        if (saa == 0 || sbb == 0)
        {
            return double.NaN;
        }

        // Rounding can push |r| a hair past 1; scipy clips the same way.
        return Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1);
    }

    private static double Partial(double[] rx, double[] ry, double[] rz)
    {
        var xy = Pearson(rx, ry);
        var xz = Pearson(rx, rz);
        var yz = Pearson(ry, rz);
        var denominator = Math.Sqrt((1 - (xz * xz)) * (1 - (yz * yz)));
        return denominator > 0 ? Math.Clamp((xy - (xz * yz)) / denominator, -1, 1) : double.NaN;
    }

    private static void Validate(params (string Name, IReadOnlyList<double> Values)[] variables)
    {
        foreach (var (_, values) in variables)
        {
            ArgumentNullException.ThrowIfNull(values);
        }

        var n = variables[0].Values.Count;
        foreach (var (_, values) in variables.Skip(1))
        {
            if (values.Count != n)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, AnalysisErrors.CorrelationLengths, n, values.Count));
            }
        }

        if (n < 3)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, AnalysisErrors.CorrelationTooFew, n));
        }

        foreach (var (name, values) in variables)
        {
            for (var i = 0; i < n; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, AnalysisErrors.CorrelationNotFinite, name, i, values[i]));
                }
            }

            if (values.All(v => v == values[0]))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, AnalysisErrors.CorrelationConstant, name, n, values[0]));
            }
        }
    }
}
