using FairSharp.Data;
using FairSharp.Training.Rationale;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Rationale;

public sealed class RationaleProbeTests
{
    private static readonly double[][] Rows = [[1.0, 2.0], [-1.0, 0.5], [0.3, -0.4]];
    private static readonly double[] Targets = [1, 0, 1];

    [Fact]
    public void Weight_taylor_influence_of_a_two_layer_net_equals_the_hand_calculation()
    {
        using var model = TinyNets.TwoLayer();
        using var scope = NewDisposeScope();
        var batch = new RationaleBatch("g", 0, null, tensor(Rows.SelectMany(r => r).ToArray(), [3, 2], float64), tensor(Targets, float64));
        var measured = RationaleProbe.Measure(model, [batch, batch with { Name = "h", Group = 1 }], new RationaleOptions());

        var (g1, g2, _, _, loss) = HandGradients();
        var expected1 = new double[2];
        for (var k = 0; k < 2; k++)
        {
            for (var j = 0; j < 2; j++)
            {
                expected1[k] += Math.Pow(TinyNets.W1[k, j] * g1[k, j], 2);
            }
        }

        var expected2 = Math.Pow(TinyNets.W2[0] * g2[0], 2) + Math.Pow(TinyNets.W2[1] * g2[1], 2);
        var stratum = measured.Strata[0];
        stratum.Loss.ShouldBe(loss, 1e-14);
        stratum.Rows.ShouldBe(3);
        stratum.Influence[0].Count.ShouldBe(2);
        stratum.Influence[0][0].ShouldBe(expected1[0], 1e-15);
        stratum.Influence[0][1].ShouldBe(expected1[1], 1e-15);
        stratum.Influence[1].ShouldHaveSingleItem().ShouldBe(expected2, 1e-15);
        expected1.ShouldAllBe(v => v > 1e-4);
        measured.Layers.Select(l => (l.Name, l.Neurons, l.ConstantCosine))
            .ShouldBe([("stages.0.linear.weight", 2, false), ("head.weight", 1, true)]);
    }

    [Fact]
    public void Activation_taylor_influence_equals_the_hand_calculation()
    {
        using var model = TinyNets.TwoLayer();
        using var scope = NewDisposeScope();
        var batch = new RationaleBatch("g", 0, null, tensor(Rows.SelectMany(r => r).ToArray(), [3, 2], float64), tensor(Targets, float64));
        var measured = RationaleProbe.Measure(model, [batch], new RationaleOptions(Kind: InfluenceKind.ActivationTaylor));

        var (_, _, dz1, z1, _) = HandGradients();
        var dz2 = HandOutputDelta(out var z2);
        for (var k = 0; k < 2; k++)
        {
            var gate = Enumerable.Range(0, Rows.Length).Sum(i => z1[i][k] * dz1[i][k]);
            measured.Strata[0].Influence[0][k].ShouldBe(gate * gate, 1e-15);
        }

        var outputGate = Enumerable.Range(0, Rows.Length).Sum(i => z2[i] * dz2[i]);
        measured.Strata[0].Influence[1][0].ShouldBe(outputGate * outputGate, 1e-15);
    }

    [Fact]
    public void Chunking_does_not_change_the_influence_and_the_model_state_is_restored()
    {
        using var model = TinyNets.Random(4, [6, 5], seed: 3);
        model.train();
        model.WeightLayers[1].Weight.requires_grad_(false);
        using var scope = NewDisposeScope();
        var batch = new RationaleBatch("g", 0, null, randn(37, 4, float64), randint(0, 2, [37]).to(float64));
        var whole = RationaleProbe.Measure(model, [batch], new RationaleOptions());
        var chunked = RationaleProbe.Measure(model, [batch], new RationaleOptions(ChunkSize: 5));
        for (var l = 0; l < 3; l++)
        {
            chunked.Strata[0].Influence[l].Zip(whole.Strata[0].Influence[l]).ShouldAllBe(p => Math.Abs(p.First - p.Second) <= 1e-12 * (1 + Math.Abs(p.Second)));
        }

        chunked.Strata[0].Loss.ShouldBe(whole.Strata[0].Loss, 1e-12);
        model.training.ShouldBeTrue();
        model.WeightLayers[1].Weight.requires_grad.ShouldBeFalse();
        model.WeightLayers[0].Weight.requires_grad.ShouldBeTrue();
    }

    [Fact]
    public void A_split_is_probed_by_group_or_by_group_within_label_with_a_seeded_row_cap()
    {
        var split = Synthetic.Split("test", 90, 4, seed: 5, groupCount: 3);
        using var model = TinyNets.Random(4, [6], seed: 1);
        model.to(float32);
        string[] names = ["a", "b", "c"];
        var byGroup = RationaleProbe.Measure(model, split, names, new RationaleOptions());
        byGroup.Strata.Select(s => (s.Name, s.Group, s.Label, s.Rows)).ShouldBe([("a", 0, (int?)null, 30), ("b", 1, null, 30), ("c", 2, null, 30)]);
        var cells = RationaleProbe.Measure(model, split, names, new RationaleOptions(Partition: RationalePartition.ByGroupWithinLabel, MaxRowsPerStratum: 2, Seed: 9));
        cells.Strata.Select(s => s.Name).ShouldBe(["a|y=0", "b|y=0", "c|y=0", "a|y=1", "b|y=1", "c|y=1"]);
        cells.Strata.ShouldAllBe(s => s.Rows == 2);
        var again = RationaleProbe.Measure(model, split, names, new RationaleOptions(Partition: RationalePartition.ByGroupWithinLabel, MaxRowsPerStratum: 2, Seed: 9));
        again.Strata.Select(s => s.Influence[0]).ShouldBe(cells.Strata.Select(s => s.Influence[0]));
    }

    [Fact]
    public void Bad_probe_input_is_refused_with_one_line()
    {
        using var model = TinyNets.Random(4, [6], seed: 1);
        var oneGroup = new DataSplit("test", new float[8], [4], [0, 1], [0, 0]);
        Should.Throw<InvalidInputException>(() => RationaleProbe.Measure(model, oneGroup, ["a", "b"], new RationaleOptions()))
            .Message.ShouldBe("rationale probe needs rows from at least two groups in split 'test' (by group), got 1");
        var wide = new DataSplit("test", new float[10], [5], [0, 1], [0, 1]);
        Should.Throw<InvalidInputException>(() => RationaleProbe.Measure(model, wide, ["a", "b"], new RationaleOptions()))
            .Message.ShouldBe("split 'test' has samples of shape [5] but the model takes [4]");
        Should.Throw<InvalidInputException>(() => new RationaleOptions(ChunkSize: 0).Validate())
            .Message.ShouldBe("chunk size must be >= 1, got 0");
    }

    // dL/dz2 per row for L = mean BCE(σ(z2), y); z2 per row.
    private static double[] HandOutputDelta(out double[] z2)
    {
        var n = Rows.Length;
        var delta = new double[n];
        z2 = new double[n];
        for (var i = 0; i < n; i++)
        {
            var h = Hidden(Rows[i], out _);
            z2[i] = (TinyNets.W2[0] * h[0]) + (TinyNets.W2[1] * h[1]) + TinyNets.B2;
            delta[i] = (1 / (1 + Math.Exp(-z2[i])) - Targets[i]) / n;
        }

        return delta;
    }

    private static double[] Hidden(double[] x, out double[] z1)
    {
        z1 = new double[2];
        var h = new double[2];
        for (var k = 0; k < 2; k++)
        {
            z1[k] = (TinyNets.W1[k, 0] * x[0]) + (TinyNets.W1[k, 1] * x[1]) + TinyNets.B1[k];
            h[k] = Math.Max(0, z1[k]);
        }

        return h;
    }

    // Back-propagation by hand: G2 = Σ_i δ2_i h_i, δ1_ik = δ2_i W2_k 1[z1_ik > 0], G1 = Σ_i δ1_i x_iᵀ.
    private static (double[,] G1, double[] G2, double[][] Dz1, double[][] Z1, double Loss) HandGradients()
    {
        var dz2 = HandOutputDelta(out var z2);
        var g1 = new double[2, 2];
        var g2 = new double[2];
        var dz1 = new double[Rows.Length][];
        var z1s = new double[Rows.Length][];
        double loss = 0;
        for (var i = 0; i < Rows.Length; i++)
        {
            var h = Hidden(Rows[i], out var z1);
            z1s[i] = z1;
            dz1[i] = new double[2];
            var p = 1 / (1 + Math.Exp(-z2[i]));
            loss -= ((Targets[i] * Math.Log(p)) + ((1 - Targets[i]) * Math.Log(1 - p))) / Rows.Length;
            for (var k = 0; k < 2; k++)
            {
                g2[k] += dz2[i] * h[k];
                dz1[i][k] = z1[k] > 0 ? dz2[i] * TinyNets.W2[k] : 0;
                for (var j = 0; j < 2; j++)
                {
                    g1[k, j] += dz1[i][k] * Rows[i][j];
                }
            }
        }

        return (g1, g2, dz1, z1s, loss);
    }
}
