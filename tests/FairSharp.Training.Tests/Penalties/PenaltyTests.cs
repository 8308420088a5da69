using FairSharp.Training.Penalties;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Penalties;

public sealed class PenaltyTests
{
    // scores per row, labels, groups: group 0 = rows 0,1,4; group 1 = rows 2,3,5
    private static readonly double[] Scores = [0.2, 0.4, 0.9, 0.5, 0.6, 0.3];
    private static readonly double[] Labels = [0, 1, 0, 1, 1, 0];
    private static readonly long[] Groups = [0, 0, 1, 1, 0, 1];

    private static double Value(IFairnessPenalty penalty, double[] scores, double[] labels, long[] groups)
    {
        using var scope = NewDisposeScope();
        return penalty.Compute(tensor(scores), tensor(labels), tensor(groups)).item<double>();
    }

    [Fact]
    public void Dp_gap_is_the_absolute_difference_of_group_means()
    {
        // group 0: (0.2 + 0.4 + 0.6) / 3 = 0.4; group 1: (0.9 + 0.5 + 0.3) / 3 = 0.56666…
        Value(new DemographicParityGap(2), Scores, Labels, Groups).ShouldBe(1.7 / 3 - 0.4, 1e-12);
    }

    [Fact]
    public void Eo_gap_sums_the_gaps_within_each_label()
    {
        // y = 0: g0 {0.2} vs g1 {0.9, 0.3} → |0.2 − 0.6| = 0.4; y = 1: g0 {0.4, 0.6} vs g1 {0.5} → 0
        Value(new EqualizedOddsGap(2), Scores, Labels, Groups).ShouldBe(0.4, 1e-12);
        Value(new EqualOpportunityGap(2), Scores, Labels, Groups).ShouldBe(0.0, 1e-12);
        Value(new EqualOpportunityGap(2), [0.2, 0.9, 0.7, 0.3], [1, 1, 1, 1], [0, 0, 1, 1]).ShouldBe(0.05, 1e-12);
    }

    [Fact]
    public void Gaps_are_zero_with_fewer_than_two_groups_and_take_max_minus_min_for_more()
    {
        Value(new DemographicParityGap(2), [0.1, 0.9], [0, 1], [1, 1]).ShouldBe(0);
        Value(new DemographicParityGap(3), [0.1, 0.9, 0.5, 0.3], [0, 1, 0, 1], [0, 1, 2, 2]).ShouldBe(0.8, 1e-12);
        // eo with no positive row in group 1: the y = 1 term is 0, not NaN
        Value(new EqualizedOddsGap(2), [0.1, 0.9, 0.5], [0, 1, 0], [0, 0, 1]).ShouldBe(0.4, 1e-12);
    }

    [Fact]
    public void Hsic_matches_the_trace_formula()
    {
        Value(new HsicPenalty(), Scores, Labels, Groups).ShouldBe(HsicByTrace(Scores, Groups), 1e-12);
        Value(new HsicPenalty(), [0.5, 0.5, 0.5], [0, 1, 0], [0, 1, 1]).ShouldBe(0, 1e-15);
    }

    [Fact]
    public void Prejudice_index_matches_kamishima_sum()
    {
        var p0 = (0.2 + 0.4 + 0.6) / 3;
        var p1 = (0.9 + 0.5 + 0.3) / 3;
        var p = Scores.Average();
        var expected = (1.2 * Math.Log(p0 / p)) + (1.8 * Math.Log((1 - p0) / (1 - p)))
                       + (1.7 * Math.Log(p1 / p)) + (1.3 * Math.Log((1 - p1) / (1 - p)));
        Value(new PrejudiceRemoverPenalty(2), Scores, Labels, Groups).ShouldBe(expected, 1e-12);
        Value(new PrejudiceRemoverPenalty(2), [0.3, 0.3], [0, 1], [0, 1]).ShouldBe(0, 1e-15);
        double.IsFinite(Value(new PrejudiceRemoverPenalty(2), [1.0, 1.0, 0.2], [0, 1, 1], [0, 0, 1])).ShouldBeTrue();
    }

    public static TheoryData<string> PenaltyNames => new() { "dp", "eo", "eopp", "hsic", "pr" };

    [Theory]
    [MemberData(nameof(PenaltyNames))]
    public void Gradient_matches_central_finite_differences_in_float64(string name)
    {
        IFairnessPenalty penalty = name switch
        {
            "dp" => new DemographicParityGap(2),
            "eo" => new EqualizedOddsGap(2),
            "eopp" => new EqualOpportunityGap(2),
            "hsic" => new HsicPenalty(),
            _ => new PrejudiceRemoverPenalty(2),
        };
        double[] scores = [0.21, 0.43, 0.87, 0.52, 0.64, 0.33, 0.71];
        double[] labels = [0, 1, 0, 1, 1, 0, 1];
        long[] groups = [0, 0, 1, 1, 0, 1, 1];
        using var scope = NewDisposeScope();
        var s = tensor(scores).requires_grad_(true);
        penalty.Compute(s, tensor(labels), tensor(groups)).backward();
        var analytic = s.grad!.data<double>().ToArray();
        const double h = 1e-6;
        for (var i = 0; i < scores.Length; i++)
        {
            var up = (double[])scores.Clone();
            var down = (double[])scores.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (Value(penalty, up, labels, groups) - Value(penalty, down, labels, groups)) / (2 * h);
            analytic[i].ShouldBe(numeric, 1e-7, $"{name} d/dp[{i}]");
        }
    }

    private static double HsicByTrace(double[] p, long[] s)
    {
        var m = p.Length;
        var k = new double[m, m];
        var l = new double[m, m];
        var hm = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                k[i, j] = Math.Exp(-(p[i] - p[j]) * (p[i] - p[j]));
                l[i, j] = Math.Exp(-(s[i] - s[j]) * (double)(s[i] - s[j]));
                hm[i, j] = (i == j ? 1 : 0) - (1.0 / m);
            }
        }

        var lhkh = Multiply(l, Multiply(hm, Multiply(k, hm)));
        double trace = 0;
        for (var i = 0; i < m; i++)
        {
            trace += lhkh[i, i];
        }

        return trace / ((m - 1.0) * (m - 1.0));
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var t = 0; t < n; t++)
                {
                    c[i, j] += a[i, t] * b[t, j];
                }
            }
        }

        return c;
    }
}
