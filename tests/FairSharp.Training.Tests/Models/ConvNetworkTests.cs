using FairSharp.Training.Models;
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
}
