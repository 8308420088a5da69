using FairSharp.Experiments.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FairSharp.Experiments.Tests.Analysis;

public sealed class ParetoFrontTests
{
    private static TradeoffCoordinates P(double u, double g) => new(u, g);

    [Fact]
    public void The_front_keeps_the_non_dominated_points_in_increasing_gap()
    {
        TradeoffCoordinates[] points = [P(0.80, 0.10), P(0.70, 0.05), P(0.60, 0.20), P(0.85, 0.30), P(0.80, 0.12), P(0.70, 0.05)];
        ParetoFront.Indices(points).ShouldBe([1, 0, 3]);
    }

    [Fact]
    public void NaN_points_are_never_on_the_front_and_do_not_dominate()
    {
        TradeoffCoordinates[] points = [P(double.NaN, 0.0), P(0.7, 0.2), P(0.9, double.NaN)];
        ParetoFront.Indices(points).ShouldBe([1]);
    }

    [Fact]
    public void Dominance_needs_one_strict_improvement()
    {
        ParetoFront.Dominates(P(0.8, 0.1), P(0.8, 0.1)).ShouldBeFalse();
        ParetoFront.Dominates(P(0.8, 0.1), P(0.8, 0.2)).ShouldBeTrue();
        ParetoFront.Dominates(P(0.9, 0.1), P(0.8, 0.1)).ShouldBeTrue();
        ParetoFront.Dominates(P(0.9, 0.2), P(0.8, 0.1)).ShouldBeFalse();
        ParetoFront.Covers([P(0.8, 0.1)], [P(0.8, 0.1), P(0.7, 0.3)]).ShouldBeTrue();
        ParetoFront.Covers([P(0.8, 0.1)], [P(0.9, 0.3)]).ShouldBeFalse();
    }

    [Property(MaxTest = 300)]
    public Property Front_points_are_mutually_non_dominated_and_dominate_or_equal_every_other_point() =>
        Prop.ForAll(Points().ToArbitrary(), points =>
        {
            var front = ParetoFront.Indices(points);
            var mutual = front.All(i => front.All(j => !ParetoFront.Dominates(points[i], points[j])));
            var covering = Enumerable.Range(0, points.Length).All(k => front.Any(i => points[i] == points[k] || ParetoFront.Dominates(points[i], points[k])));
            var sorted = front.Zip(front.Skip(1), (a, b) => points[a].Gap < points[b].Gap && points[a].Utility < points[b].Utility).All(x => x);
            return mutual && covering && sorted;
        });

    internal static Gen<TradeoffCoordinates[]> Points() =>
        Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 20), Gen.Choose(0, 20)).Select(t => new TradeoffCoordinates(0.5 + (t.Item1 / 50.0), t.Item2 / 40.0)))
            .Where(a => a.Length > 0);
}
