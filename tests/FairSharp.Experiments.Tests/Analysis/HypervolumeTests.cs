using FairSharp.Experiments.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FairSharp.Experiments.Tests.Analysis;

public sealed class HypervolumeTests
{
    private static TradeoffCoordinates P(double u, double g) => new(u, g);

    [Fact]
    public void Two_front_points_and_one_dominated_point_by_hand()
    {
        // Front in increasing gap: (0.7, 0.05), (0.8, 0.1); (0.6, 0.2) is dominated by (0.8, 0.1).
        // HV = (0.7 − 0.5)(0.1 − 0.05) + (0.8 − 0.5)(0.5 − 0.1) = 0.01 + 0.12 = 0.13.
        Hypervolume.Compute([P(0.8, 0.1), P(0.7, 0.05), P(0.6, 0.2)], P(0.5, 0.5)).ShouldBe(0.13, 1e-15);
    }

    [Fact]
    public void One_point_is_its_rectangle_and_points_outside_the_box_add_nothing()
    {
        Hypervolume.Compute([P(0.9, 0.2)], P(0.5, 0.6)).ShouldBe(0.4 * 0.4, 1e-15);
        Hypervolume.Compute([P(0.4, 0.1), P(0.9, 0.7), P(double.NaN, 0.1)], P(0.5, 0.6)).ShouldBe(0);
        Hypervolume.Compute([], P(0.5, 0.6)).ShouldBe(0);
    }

    [Fact]
    public void A_staircase_of_three_points()
    {
        // Reference (0, 1); points (0.2, 0.1), (0.5, 0.4), (0.9, 0.8):
        // 0.2·0.3 + 0.5·0.4 + 0.9·0.2 = 0.06 + 0.20 + 0.18 = 0.44.
        Hypervolume.Compute([P(0.9, 0.8), P(0.2, 0.1), P(0.5, 0.4)], P(0, 1)).ShouldBe(0.44, 1e-15);
    }

    [Property(MaxTest = 300)]
    public Property Equals_the_union_of_rectangles_counted_cell_by_cell() =>
        Prop.ForAll(ParetoFrontTests.Points().ToArbitrary(), points =>
        {
            var reference = P(0.55, 0.4);
            var expected = BruteForce(points, reference);
            return Math.Abs(Hypervolume.Compute(points, reference) - expected) < 1e-12;
        });

    [Property(MaxTest = 200)]
    public Property Adding_a_point_never_decreases_it() =>
        Prop.ForAll(ParetoFrontTests.Points().ToArbitrary(), ParetoFrontTests.Points().ToArbitrary(), (a, b) =>
        {
            var reference = P(0.5, 0.5);
            return Hypervolume.Compute([.. a, .. b], reference) >= Hypervolume.Compute(a, reference) - 1e-15;
        });

    /// <summary>Area of the union of [r_u, u_i] × [g_i, r_g], by compressing coordinates into a grid of cells.</summary>
    private static double BruteForce(TradeoffCoordinates[] points, TradeoffCoordinates r)
    {
        var us = points.Select(p => p.Utility).Append(r.Utility).Where(u => u >= r.Utility).Distinct().Order().ToArray();
        var gs = points.Select(p => p.Gap).Append(r.Gap).Where(g => g <= r.Gap).Distinct().Order().ToArray();
        var area = 0.0;
        for (var i = 0; i + 1 < us.Length; i++)
        {
            for (var j = 0; j + 1 < gs.Length; j++)
            {
                var cu = (us[i] + us[i + 1]) / 2;
                var cg = (gs[j] + gs[j + 1]) / 2;
                if (points.Any(p => p.Utility >= cu && p.Gap <= cg))
                {
                    area += (us[i + 1] - us[i]) * (gs[j + 1] - gs[j]);
                }
            }
        }

        return area;
    }
}
