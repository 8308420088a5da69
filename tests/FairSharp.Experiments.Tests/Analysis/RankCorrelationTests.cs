using System.Globalization;
using FairSharp.Experiments.Analysis;

namespace FairSharp.Experiments.Tests.Analysis;

public sealed class RankCorrelationTests
{
    // The reference values come from Debian's python3-scipy 1.10.1 (not in CI):
    //   from scipy.stats import spearmanr, rankdata; import numpy as np
    //   spearmanr(X, Y).statistic; rankdata([2, 1, 2, 3, 1, 2])
    //   spearmanr([1,2,2,3,3,3,4,5], [1,1,2,2,3,4,4,4]).statistic
    //   partial: rx, ry, rz = rankdata(X), rankdata(Y), rankdata(Z); residuals of rx and ry after
    //   np.linalg.lstsq(np.c_[np.ones(8), rz], ·); np.corrcoef(res_x, res_y)[0, 1]
    private static readonly double[] X = [3.1, 1.2, 5.5, 2.2, 4.8, 0.3, 2.2, 6.0];
    private static readonly double[] Y = [2.0, 1.0, 4.0, 2.0, 3.5, 1.5, 0.5, 5.0];
    private static readonly double[] Z = [0.5, 0.1, 0.9, 0.4, 0.7, 0.2, 0.3, 0.8];

    [Fact]
    public void Ties_share_the_average_of_their_positions_as_scipy_rankdata()
    {
        RankCorrelation.AverageRanks([2, 1, 2, 3, 1, 2]).ShouldBe([4.0, 1.5, 4.0, 6.0, 1.5, 4.0]);
    }

    [Fact]
    public void Spearman_matches_scipy_with_ties()
    {
        RankCorrelation.Spearman(X, Y).ShouldBe(0.86144578313253, 1e-13);
        RankCorrelation.Spearman([1, 2, 2, 3, 3, 3, 4, 5], [1, 1, 2, 2, 3, 4, 4, 4]).ShouldBe(0.8789987222126162, 1e-13);
    }

    [Fact]
    public void Spearman_is_one_for_any_increasing_map_and_minus_one_for_a_decreasing_one()
    {
        double[] x = [0.1, 0.5, 0.2, 0.9, 0.7];
        RankCorrelation.Spearman(x, x.Select(v => Math.Exp(5 * v)).ToArray()).ShouldBe(1, 1e-15);
        RankCorrelation.Spearman(x, x.Select(v => -v * v * v).ToArray()).ShouldBe(-1, 1e-15);
    }

    [Fact]
    public void Partial_spearman_matches_the_correlation_of_rank_residuals()
    {
        RankCorrelation.PartialSpearman(X, Y, Z).ShouldBe(0.08162863467711862, 1e-12);
    }

    [Fact]
    public void Bootstrap_interval_covers_the_population_spearman_of_a_bivariate_normal_at_about_the_nominal_rate()
    {
        // For a bivariate normal with correlation ρ, Spearman's ρ_s = 6/π·asin(ρ/2) (Pearson 1907; Kruskal 1958).
        const double rho = 0.6;
        var population = 6 / Math.PI * Math.Asin(rho / 2);
        var covered = 0;
        const int datasets = 40;
        for (var d = 0; d < datasets; d++)
        {
            var (x, y) = BivariateNormal(150, rho, seed: d);
            var estimate = RankCorrelation.SpearmanInterval(x, y, resamples: 400, seed: d);
            estimate.Low.ShouldBeLessThan(estimate.Value);
            estimate.High.ShouldBeGreaterThan(estimate.Value);
            covered += estimate.Low <= population && population <= estimate.High ? 1 : 0;
        }

        // 95% nominal: P(covered ≤ 32 of 40) = 0.0007 at 95% and 0.006 at 93% coverage (scipy binom.cdf); an off-centre
        // or too narrow interval fails.
        covered.ShouldBeGreaterThanOrEqualTo(33);
    }

    [Fact]
    public void Interval_is_narrow_at_large_n_and_excludes_zero_for_a_real_correlation()
    {
        var (x, y) = BivariateNormal(800, 0.6, seed: 7);
        var estimate = RankCorrelation.SpearmanInterval(x, y, resamples: 500, seed: 1);
        (estimate.High - estimate.Low).ShouldBeLessThan(0.12);
        estimate.Low.ShouldBeGreaterThan(0.45);
        estimate.StdError.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Partial_spearman_removes_a_common_cause()
    {
        // x = z + e1, y = z + e2: x and y correlate only through z. Pearson correlations are 1/√2 (x, z), (y, z)
        // and 1/2 (x, y); their Spearman forms 6/π·asin(ρ/2) give the population partial below (≈ 0.012).
        var random = new Random(3);
        const int n = 800;
        var z = new double[n];
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = Gaussian(random);
            x[i] = z[i] + Gaussian(random);
            y[i] = z[i] + Gaussian(random);
        }

        var sxz = 6 / Math.PI * Math.Asin(1 / Math.Sqrt(2) / 2);
        var sxy = 6 / Math.PI * Math.Asin(0.25);
        var population = (sxy - (sxz * sxz)) / (1 - (sxz * sxz));

        var plain = RankCorrelation.SpearmanInterval(x, y, resamples: 500);
        plain.Low.ShouldBeGreaterThan(0.35);
        var partial = RankCorrelation.PartialSpearmanInterval(x, y, z, resamples: 500);
        partial.Low.ShouldBeLessThan(population);
        partial.High.ShouldBeGreaterThan(population);
        Math.Abs(partial.Value).ShouldBeLessThan(0.1);
    }

    [Fact]
    public void Partial_spearman_keeps_a_direct_effect()
    {
        // y depends on x beyond z: the partial stays clearly positive.
        var random = new Random(5);
        const int n = 500;
        var z = new double[n];
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = Gaussian(random);
            x[i] = z[i] + Gaussian(random);
            y[i] = z[i] + x[i] + Gaussian(random);
        }

        RankCorrelation.PartialSpearmanInterval(x, y, z, resamples: 300).Low.ShouldBeGreaterThan(0.4);
    }

    [Fact]
    public void Equal_seeds_give_equal_intervals_and_other_seeds_differ()
    {
        var a = RankCorrelation.SpearmanInterval(X, Y, resamples: 200, seed: 4);
        var b = RankCorrelation.SpearmanInterval(X, Y, resamples: 200, seed: 4);
        var c = RankCorrelation.SpearmanInterval(X, Y, resamples: 200, seed: 5);
        b.ShouldBe(a);
        c.ShouldNotBe(a);
    }

    [Fact]
    public void Constant_input_is_refused_with_a_clear_message()
    {
        Should.Throw<InvalidInputException>(() => RankCorrelation.Spearman([0.7, 0.7, 0.7, 0.7], [1, 2, 3, 4]))
            .Message.ShouldBe("rank correlation: all 4 values of x equal 0.7; a constant variable has no ranks to correlate");
        Should.Throw<InvalidInputException>(() => RankCorrelation.PartialSpearman([1, 2, 3], [3, 1, 2], [5, 5, 5]))
            .Message.ShouldBe("rank correlation: all 3 values of z equal 5; a constant variable has no ranks to correlate");
    }

    [Fact]
    public void Bad_input_is_refused_with_one_line_each()
    {
        Should.Throw<InvalidInputException>(() => RankCorrelation.Spearman([1, 2, 3], [1, 2]))
            .Message.ShouldBe("rank correlation needs paired values: 3 x values but 2 y (or z) values");
        Should.Throw<InvalidInputException>(() => RankCorrelation.Spearman([1, 2], [2, 1]))
            .Message.ShouldBe("rank correlation needs at least 3 pairs, got 2");
        Should.Throw<InvalidInputException>(() => RankCorrelation.Spearman([1, 2, 3], [2, double.NaN, 1]))
            .Message.ShouldBe(string.Format(CultureInfo.InvariantCulture, "rank correlation: y[1] is {0}; every value must be a finite number", double.NaN));
        Should.Throw<InvalidInputException>(() => RankCorrelation.SpearmanInterval(X, Y, resamples: 10))
            .Message.ShouldBe("rank correlation bootstrap needs at least 100 resamples, got 10");
        Should.Throw<InvalidInputException>(() => RankCorrelation.SpearmanInterval(X, Y, confidence: 1))
            .Message.ShouldBe("rank correlation confidence level must be in (0, 1), got 1");
    }

    private static (double[] X, double[] Y) BivariateNormal(int n, double rho, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var a = Gaussian(random);
            var b = Gaussian(random);
            x[i] = a;
            y[i] = (rho * a) + (Math.Sqrt(1 - (rho * rho)) * b);
        }

        return (x, y);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
