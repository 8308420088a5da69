using FairSharp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Models;

public sealed class MlpTests
{
    [Fact]
    public void Trace_exposes_every_weight_layer_the_representation_and_logits()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var model = new ModelSpec(ModelSpec.MlpName, [5], [8, 6, 4], 0.5).Build();
        model.eval();
        var x = randn(3, 5);
        var trace = model.Trace(x);

        trace.LayerOutputs.Count.ShouldBe(4);
        trace.LayerOutputs.Select(t => t.shape[1]).ShouldBe([8L, 6L, 4L, 1L]);
        trace.Representation.shape.ShouldBe([3L, 4L]);
        trace.Logits.shape.ShouldBe([3L]);
        trace.Logits.data<float>().ToArray().ShouldBe(model.forward(x).data<float>().ToArray());
        // the penultimate representation is ReLU(last hidden pre-activation) in eval mode
        trace.Representation.data<float>().ToArray().ShouldBe(nn.functional.relu(trace.LayerOutputs[2]).data<float>().ToArray());
    }

    [Fact]
    public void Weight_layers_are_named_ordered_and_sized()
    {
        manual_seed(1);
        using var model = new ModelSpec(ModelSpec.MlpName, [5], [8, 6], 0).Build();
        model.WeightLayers.Select(l => l.Name).ShouldBe(["stages.0.linear.weight", "stages.1.linear.weight", "head.weight"]);
        model.WeightLayers.Select(l => l.OutputCount).ShouldBe([8, 6, 1]);
        model.WeightLayers.All(l => l.Kind == WeightLayerKind.Linear && l.Bias is not null).ShouldBeTrue();
        model.WeightLayers[1].Weight.shape.ShouldBe([6L, 8L]);
        var names = model.named_parameters().Select(p => p.name).ToHashSet();
        model.WeightLayers.All(l => names.Contains(l.Name)).ShouldBeTrue();
    }

    [Fact]
    public void Bottom_then_top_equals_forward_at_every_stitch_point()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var model = new ModelSpec(ModelSpec.MlpName, [5], [8, 6, 4], 0.2).Build();
        model.eval();
        var x = randn(7, 5);
        var expected = model.forward(x).data<float>().ToArray();
        model.StitchPoints.Select(p => p.Shape[0]).ShouldBe([8, 6, 4]);
        model.StitchPoints.Select(p => p.IsPenultimate).ShouldBe([false, false, true]);
        model.StitchPoints.Select(p => p.Name).ShouldBe(["hidden1", "hidden2", "hidden3"]);
        foreach (var point in model.StitchPoints)
        {
            var h = model.Bottom(point.Index, x);
            h.shape.ShouldBe([7L, point.Width]);
            model.Top(point.Index, h).data<float>().ToArray().ShouldBe(expected);
        }

        Should.Throw<ArgumentOutOfRangeException>(() => model.Bottom(3, x));
    }

    [Fact]
    public void Dropout_acts_in_training_mode_only()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new ModelSpec(ModelSpec.MlpName, [5], [64], 0.5).Build();
        var x = randn(16, 5);
        model.eval();
        var a = model.forward(x).data<float>().ToArray();
        var b = model.forward(x).data<float>().ToArray();
        a.ShouldBe(b);
        model.train();
        var c = model.forward(x).data<float>().ToArray();
        c.ShouldNotBe(a);
    }

    [Fact]
    public void Predict_probabilities_is_chunked_and_restores_training_mode()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var model = new ModelSpec(ModelSpec.MlpName, [3], [4], 0.5).Build();
        model.train();
        var x = randn(10, 3);
        var p = model.PredictProbabilities(x, chunk: 3);
        model.training.ShouldBeTrue();
        model.eval();
        var expected = sigmoid(model.forward(x)).data<float>().ToArray();
        p.ShouldBe(expected);
        p.All(v => v is > 0 and < 1).ShouldBeTrue();
    }
}
