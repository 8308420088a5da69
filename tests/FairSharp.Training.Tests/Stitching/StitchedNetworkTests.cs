using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchedNetworkTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Identity_init_reproduces_the_mlp_backbone_exactly_at_every_stitch_point(int cut)
    {
        using var scope = NewDisposeScope();
        var data = Synthetic.Dataset();
        var backbone = StitchFixture.Mlp();
        backbone.eval();
        var x = tensor(data.Test.Features, [data.Test.Count, 6]);
        var expected = backbone.forward(x).data<float>().ToArray();
        using var cache = FeatureCache.Compute(backbone, cut, data, "abc");
        var stitch = new StitchLayer(backbone.StitchPoints[cut].Shape);
        stitch.SetIdentity();
        using var model = new StitchedNetwork(backbone, cut, stitch, trainHead: false);
        model.PredictLogits(cache.Test.Features).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Identity_init_reproduces_the_cnn_backbone_exactly_at_conv_and_dense_points(int cut)
    {
        using var scope = NewDisposeScope();
        var data = StitchFixture.Images();
        var backbone = StitchFixture.Cnn();
        backbone.eval();
        var x = tensor(data.Test.Features, [data.Test.Count, 3, 8, 8]);
        var expected = backbone.forward(x).data<float>().ToArray();
        using var cache = FeatureCache.Compute(backbone, cut, data, "abc");
        var stitch = new StitchLayer(backbone.StitchPoints[cut].Shape);
        stitch.SetIdentity();
        using var model = new StitchedNetwork(backbone, cut, stitch, trainHead: false);
        model.PredictLogits(cache.Test.Features).ShouldBe(expected);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 0)]
    [InlineData(true, 2)]
    public void Lstsq_init_reproduces_the_backbone_to_1e_5(bool cnn, int cut)
    {
        using var scope = NewDisposeScope();
        var data = cnn ? StitchFixture.Images(96) : Synthetic.Dataset();
        var backbone = cnn ? StitchFixture.Cnn() : StitchFixture.Mlp();
        using var cache = FeatureCache.Compute(backbone, cut, data, "abc");
        var stitch = new StitchLayer(backbone.StitchPoints[cut].Shape);
        var (matrix, bias) = LeastSquaresMap.Fit(cache.Train.Features, cache.Train.Features);
        stitch.SetAffine(matrix, bias);
        using var model = new StitchedNetwork(backbone, cut, stitch, trainHead: false);
        backbone.eval();
        var expected = backbone.Top(cut, cache.Test.Features).data<float>().ToArray();
        var actual = model.PredictLogits(cache.Test.Features);
        for (var i = 0; i < expected.Length; i++)
        {
            actual[i].ShouldBe(expected[i], 1e-5);
        }
    }

    [Fact]
    public void Lstsq_recovers_a_known_affine_map()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        var source = randn(200, 4);
        var m = tensor(new float[] { 1, 2, 0, 0, 0, 1, -1, 0, 3, 0, 1, 0, 0, 0, 0, 2 }, [4, 4]);
        var b = tensor(new float[] { 0.5f, -1, 0, 2 });
        var target = source.matmul(m.t()) + b;
        var (matrix, bias) = LeastSquaresMap.Fit(source, target);
        matrix.allclose(m, rtol: 0, atol: 1e-5).ShouldBeTrue();
        bias.allclose(b, rtol: 0, atol: 1e-5).ShouldBeTrue();
    }

    [Fact]
    public void Random_init_is_pytorch_default_and_does_not_reproduce_the_backbone()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var stitch = new StitchLayer([64]);
        var bound = 1 / Math.Sqrt(64);
        stitch.Weight.abs().max().ToDouble().ShouldBeLessThanOrEqualTo(bound);
        stitch.Bias.abs().max().ToDouble().ShouldBeLessThanOrEqualTo(bound);
        stitch.Weight.std().ToDouble().ShouldBe(bound / Math.Sqrt(3), 0.01); // U(−k, k) has std k/√3
    }

    [Fact]
    public void Tfs_trains_only_the_stitch_and_leaves_the_backbone_bitwise_unchanged()
    {
        using var scope = NewDisposeScope();
        var data = Synthetic.Dataset();
        var backbone = StitchFixture.Mlp();
        var before = backbone.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.contiguous().bytes.ToArray());
        using var cache = FeatureCache.Compute(backbone, 1, data, "abc");
        manual_seed(1);
        using var model = new StitchedNetwork(backbone, 1, new StitchLayer(backbone.StitchPoints[1].Shape), trainHead: false);
        var training = StitchFixture.TrainingData(cache, data.GroupNames, 1);

        // one step by hand: gradients reach the stitch only
        var loss = new StitchLoss(StitchConstraint.EqualizedOdds, 20).Compute(model.forward(training.X), training.Y, training.A);
        loss.Loss.backward();
        model.Stitch.Weight.grad.ShouldNotBeNull();
        model.Stitch.Bias.grad!.abs().sum().ToDouble().ShouldBeGreaterThan(0);
        backbone.parameters().All(p => p.grad is null && !p.requires_grad).ShouldBeTrue();
        model.StitchParameters.Count.ShouldBe(2);
        model.HeadParameters.ShouldBeEmpty();
        model.zero_grad();

        var stitchBefore = model.Stitch.Weight.clone();
        var result = StitchTrainer.Train(model, training, new StitchOptions { Epochs = 5, Seed = 1 }, null);
        result.Epochs.Count.ShouldBe(5);
        model.Stitch.Weight.allclose(stitchBefore, 0, 0).ShouldBeFalse();
        foreach (var (name, value) in backbone.state_dict())
        {
            value.contiguous().bytes.ToArray().ShouldBe(before[name], name);
        }
    }

    [Fact]
    public void Tfs_joint_also_trains_the_head_and_nothing_else()
    {
        using var scope = NewDisposeScope();
        var data = Synthetic.Dataset();
        var backbone = StitchFixture.Mlp();
        var before = backbone.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        using var cache = FeatureCache.Compute(backbone, 2, data, "abc");
        manual_seed(1);
        using var model = new StitchedNetwork(backbone, 2, new StitchLayer(backbone.StitchPoints[2].Shape), trainHead: true);
        StitchTrainer.Train(model, StitchFixture.TrainingData(cache, data.GroupNames, 1), new StitchOptions { Method = StitchMethod.TfsJoint, Epochs = 3 }, null);
        foreach (var (name, value) in backbone.state_dict())
        {
            value.allclose(before[name], 0, 0).ShouldBe(!name.StartsWith("head.", StringComparison.Ordinal), name);
        }
    }

    [Fact]
    public void The_backbone_stays_in_eval_mode_while_the_stitch_trains()
    {
        using var scope = NewDisposeScope();
        var backbone = StitchFixture.Mlp(dropout: 0.5);
        using var model = new StitchedNetwork(backbone, 0, new StitchLayer(backbone.StitchPoints[0].Shape), trainHead: false);
        model.train();
        model.training.ShouldBeTrue();
        backbone.training.ShouldBeFalse();
        var h = randn(5, 12);
        model.forward(h).allclose(model.forward(h), 0, 0).ShouldBeTrue(); // no dropout in the frozen top
    }
}
