using FairSharp.Training.Models;
using FairSharp.Training.Stitching;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Models;

public sealed class ConvNetworkTests
{
    [Fact]
    public void Small_cnn_exposes_conv_and_linear_layers_and_cuts_anywhere()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = new ModelSpec(ModelSpec.SmallCnnName, [3, 32, 32], [4, 8, 16], 0.5).Build();
        model.eval();
        model.WeightLayers.Select(l => l.Kind).ShouldBe([WeightLayerKind.Conv, WeightLayerKind.Conv, WeightLayerKind.Linear, WeightLayerKind.Linear]);
        model.WeightLayers.Select(l => l.OutputCount).ShouldBe([4, 8, 16, 1]);
        model.StitchPoints.Select(p => string.Join("x", p.Shape)).ShouldBe(["4x16x16", "8x8x8", "16"]);
        var x = randn(2, 3, 32, 32);
        var trace = model.Trace(x);
        trace.LayerOutputs[0].shape.ShouldBe([2L, 4L, 32L, 32L]);
        trace.Representation.shape.ShouldBe([2L, 16L]);
        var expected = trace.Logits.data<float>().ToArray();
        foreach (var point in model.StitchPoints)
        {
            model.Top(point.Index, model.Bottom(point.Index, x)).data<float>().ToArray().ShouldBe(expected);
        }
    }

    [Theory]
    // torchvision's stem (7x7 stride-2 conv + 3x3 stride-2 max-pool): layer1 runs at 8x8 on a 32x32 input.
    [InlineData(ModelSpec.ResNet18Name, 7, new[] { "4x8x8", "4x8x8", "8x4x4", "8x2x2", "16x1x1", "16" })]
    // CIFAR stem (3x3 stride 1, no pool): layer1 at the full 32x32.
    [InlineData(ModelSpec.ResNet18CifarName, 3, new[] { "4x32x32", "4x32x32", "8x16x16", "8x8x8", "16x4x4", "16" })]
    public void Resnet18_has_twenty_one_weight_layers_and_six_stitch_points(string architecture, int stemKernel, string[] shapes)
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var model = new ModelSpec(architecture, [3, 32, 32], [4, 8, 8, 16]).Build();
        model.eval();
        // stem conv + 4 layers × 4 convs + 3 downsampling shortcuts (8≠4, strides 2) + head = 1 + 16 + 3 + 1
        model.WeightLayers.Count.ShouldBe(21);
        model.WeightLayers[0].Weight.shape.ShouldBe([4L, 3L, stemKernel, stemKernel]);
        model.WeightLayers[^1].Name.ShouldBe("head.weight");
        model.StitchPoints.Select(p => p.Name).ShouldBe(["stem", "layer1", "layer2", "layer3", "layer4", "pool"]);
        model.StitchPoints.Select(p => string.Join("x", p.Shape)).ShouldBe(shapes);
        var x = randn(2, 3, 32, 32);
        var trace = model.Trace(x);
        trace.LayerOutputs.Count.ShouldBe(21);
        var expected = trace.Logits.data<float>().ToArray();
        foreach (var point in model.StitchPoints)
        {
            model.Top(point.Index, model.Bottom(point.Index, x)).data<float>().ToArray().ShouldBe(expected);
        }
    }

    [Theory]
    // UTKFace 32x32, full widths: the widest activation per row is the stem's conv output before the pool
    // (64x16x16) for torchvision's stem and 64x32x32 for the CIFAR stem; an MLP has no such limit.
    [InlineData(ModelSpec.ResNet18Name, new[] { 3, 32, 32 }, new[] { 64, 128, 256, 512 }, 256)]
    [InlineData(ModelSpec.ResNet18CifarName, new[] { 3, 32, 32 }, new[] { 64, 128, 256, 512 }, 16)]
    [InlineData(ModelSpec.MlpName, new[] { 120 }, new[] { 200, 200 }, 8192)]
    public void Evaluation_chunks_keep_activations_within_the_budget(string architecture, int[] input, int[] hidden, int expected)
    {
        using var model = new ModelSpec(architecture, input, hidden).Build();
        model.EvaluationChunk.ShouldBe(expected);
        // 8 live float32 tensors of the widest activation per row, for a whole chunk: at most the budget.
        var widest = architecture == ModelSpec.MlpName ? 200 : (architecture == ModelSpec.ResNet18Name ? 64 * 16 * 16 : 64 * 32 * 32);
        (4L * 8 * widest * model.EvaluationChunk).ShouldBeLessThanOrEqualTo(Math.Max(FairNetwork.EvaluationBudgetBytes, 4L * 8 * widest));
        using var scope = NewDisposeScope();
        var x = randn([5, .. input.Select(d => (long)d)]);
        // Chunked and whole-batch evaluation agree.
        model.PredictProbabilities(x, chunk: 2).ShouldBe(model.PredictProbabilities(x, chunk: 5), 1e-6f);
    }

    [Theory]
    [InlineData("vgg", new[] { 5 }, new[] { 4 }, 0.0, "unknown model architecture 'vgg' (expected mlp, small-cnn, resnet18 or resnet18-cifar)")]
    [InlineData("mlp", new[] { 3, 32, 32 }, new[] { 4 }, 0.0, "model 'mlp' cannot take inputs of shape [3,32,32]")]
    [InlineData("resnet18", new[] { 3, 32, 32 }, new[] { 4, 8 }, 0.0, "model 'resnet18' needs positive layer widths, got [4,8]")]
    [InlineData("small-cnn", new[] { 3, 32, 32 }, new[] { 4, 4, 4, 4, 4, 4, 4 }, 0.0, "model 'small-cnn' needs positive layer widths, got [4,4,4,4,4,4,4]")]
    [InlineData("mlp", new[] { 5 }, new[] { 0 }, 0.0, "model 'mlp' needs positive layer widths, got [0]")]
    [InlineData("mlp", new[] { 5 }, new[] { 4 }, 1.0, "dropout must be in [0, 1), got 1")]
    public void Bad_specs_are_refused_with_one_clear_line(string architecture, int[] input, int[] hidden, double dropout, string message)
    {
        var e = Should.Throw<InvalidInputException>(() => new ModelSpec(architecture, input, hidden, dropout).Validate());
        e.Message.ShouldBe(message);
    }

    [Theory]
    // torchvision's stem at 32×32: layer4 is [16, 1, 1] and only the pool follows it.
    [InlineData(ModelSpec.ResNet18Name, 32, new[] { false, false, false, false, true, true })]
    // at 64×64 layer4 is [16, 2, 2]: the pool averages four positions.
    [InlineData(ModelSpec.ResNet18Name, 64, new[] { false, false, false, false, false, true })]
    // the CIFAR stem keeps layer4 at 4×4.
    [InlineData(ModelSpec.ResNet18CifarName, 32, new[] { false, false, false, false, false, true })]
    public void Only_a_one_by_one_map_before_the_pool_stitches_as_the_penultimate_point(string architecture, int size, bool[] expected)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var model = new ModelSpec(architecture, [3, size, size], [4, 8, 8, 16]).Build();
        Enumerable.Range(0, model.StitchPoints.Count).Select(model.StitchesAsPenultimate).ShouldBe(expected);
        Should.Throw<ArgumentOutOfRangeException>(() => model.StitchesAsPenultimate(model.StitchPoints.Count));
    }

    [Fact]
    public void A_stitch_on_resnet18s_one_by_one_layer4_map_draws_and_computes_what_the_penultimate_stitch_does()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        using var model = new ModelSpec(ModelSpec.ResNet18Name, [3, 32, 32], [4, 8, 8, 16]).Build();
        model.eval();
        manual_seed(9);
        using var conv = new StitchLayer(model.StitchPoints[4].Shape);
        manual_seed(9);
        using var linear = new StitchLayer(model.StitchPoints[5].Shape);
        conv.IsLinear.ShouldBeFalse();
        conv.Weight.data<float>().ToArray().ShouldBe(linear.Weight.data<float>().ToArray());
        conv.Bias.data<float>().ToArray().ShouldBe(linear.Bias.data<float>().ToArray());
        var x = randn(3, 3, 32, 32);
        var viaConv = model.Top(4, conv.forward(model.Bottom(4, x))).data<float>().ToArray();
        var viaLinear = model.Top(5, linear.forward(model.Bottom(5, x))).data<float>().ToArray();
        viaConv.Zip(viaLinear).ShouldAllBe(p => Math.Abs(p.First - p.Second) <= 1e-5 * (1 + Math.Abs(p.Second)));
    }
}
