using FairSharp.Training.Models;
using FairSharp.Training.Rationale;

namespace FairSharp.Training.Tests.Rationale;

public sealed class ParityScoreTests
{
    private static readonly RationaleLayer Hidden = new("stages.0.linear.weight", WeightLayerKind.Linear, 3);
    private static readonly RationaleLayer Output = new("head.weight", WeightLayerKind.Linear, 1);

    [Fact]
    public void Cosine_and_normalised_differences_are_computed_per_layer()
    {
        ParityScore.Cosine([1, 2, 2], [2, 4, 4]).ShouldBe(1.0, 1e-15);
        ParityScore.Cosine([1, 0, 0], [0, 3, 0]).ShouldBe(0.0);
        ParityScore.Cosine([3, 4, 0], [0, 4, 3]).ShouldBe(16.0 / 25.0, 1e-15);
        ParityScore.Cosine([0, 0, 0], [1, 1, 1]).ShouldBe(0.0);

        var d = ParityScore.Difference([1, 0, 3, 2], [3, 0, 1, 2]);
        // d = [0.5, 0 (both zero), 0.5, 0]
        d.Mean.ShouldBe(0.25);
        d.Median.ShouldBe(0.25);
        d.Max.ShouldBe(0.5);
        d.MeanAbsolute.ShouldBe(1.0);
    }

    [Fact]
    public void A_one_neuron_layer_is_reported_with_cosine_exactly_one_and_marked()
    {
        var layer = ParityScore.Layer(Output, [1e-12], [0.7]);
        layer.ConstantCosine.ShouldBeTrue();
        layer.Cosine.ShouldBe(1.0);
        layer.Difference.Max.ShouldBe(1.0, 1e-10);
        ParityScore.Layer(Hidden, [1, 2, 3], [1, 2, 3]).ConstantCosine.ShouldBeFalse();
    }

    [Fact]
    public void Every_pair_of_groups_is_compared_and_the_worst_pair_found()
    {
        var measurement = new RationaleMeasurement(InfluenceKind.WeightTaylor, RationalePartition.ByGroup, [Hidden, Output],
        [
            Stratum("a", 0, null, [1, 1, 0], [0.5]),
            Stratum("b", 1, null, [1, 1, 0.1], [0.2]),
            Stratum("c", 2, null, [0, 0.2, 1], [0.9]),
        ]);
        var report = ParityScore.Compare(measurement);
        report.Pairs.Select(p => (p.First, p.Second)).ShouldBe([("a", "b"), ("a", "c"), ("b", "c")]);
        report.WorstPair.First.ShouldBe("a");
        report.WorstPair.Second.ShouldBe("c");
        var ac = report.Pairs[1];
        ac.Layers[0].Cosine.ShouldBe(0.2 / (Math.Sqrt(2) * Math.Sqrt(1.04)), 1e-15);
        ac.MeanCosine.ShouldBe(ac.Layers[0].Cosine);
        ac.Alignment.ShouldBe(ac.Layers[0].Cosine + 1.0, 1e-15);
        report.Strata.Select(s => s.Name).ShouldBe(["a", "b", "c"]);
        ParityReport.Definition.ShouldContain("reconstruction");
    }

    [Fact]
    public void By_label_strata_are_compared_within_their_label_only()
    {
        var measurement = new RationaleMeasurement(InfluenceKind.WeightTaylor, RationalePartition.ByGroupWithinLabel, [Hidden],
        [
            Stratum("a|y=0", 0, 0, [1, 0, 0]),
            Stratum("b|y=0", 1, 0, [1, 0, 0]),
            Stratum("a|y=1", 0, 1, [0, 1, 0]),
            Stratum("b|y=1", 1, 1, [0, 0, 1]),
        ]);
        var report = ParityScore.Compare(measurement);
        report.Pairs.Select(p => (p.First, p.Second, p.Label)).ShouldBe([("a|y=0", "b|y=0", (int?)0), ("a|y=1", "b|y=1", 1)]);
        report.Pairs[0].MeanCosine.ShouldBe(1.0);
        report.WorstPair.Label.ShouldBe(1);
        report.WorstPair.MeanCosine.ShouldBe(0.0);
    }

    private static StratumInfluence Stratum(string name, int group, int? label, params double[][] layers) =>
        new(name, group, label, 10, 0.5, layers);
}
