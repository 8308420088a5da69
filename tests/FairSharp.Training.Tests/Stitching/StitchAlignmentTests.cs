using FairSharp.Training.Rationale;
using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchAlignmentTests
{
    [Fact]
    public void Equals_the_cosines_of_weight_taylor_influence_from_plain_backward()
    {
        using var scope = NewDisposeScope();
        var data = Synthetic.Dataset();
        var backbone = StitchFixture.Mlp();
        using var cache = FeatureCache.Compute(backbone, 1, data, "abc");
        manual_seed(2);
        using var model = new StitchedNetwork(backbone, 1, new StitchLayer(cache.Shape), trainHead: false);
        var training = StitchFixture.TrainingData(cache, data.GroupNames, 1);
        var value = StitchAlignment.Compute(model, model.forward(training.X), training.Y, training.A).ToDouble();

        // independent path: .backward() per (y, group) cell, influence from .grad
        double expected = 0;
        for (var label = 0; label < 2; label++)
        {
            var influence = new Tensor[2];
            for (var group = 0; group < 2; group++)
            {
                model.zero_grad();
                var rows = (training.Y.eq(label) & training.A.eq(group)).nonzero().view(-1);
                nn.functional.binary_cross_entropy_with_logits(model.forward(training.X.index_select(0, rows)), training.Y.index_select(0, rows)).backward();
                var w = model.Stitch.Weight.detach();
                influence[group] = (w * model.Stitch.Weight.grad!).pow(2).sum(1);
            }

            expected += nn.functional.cosine_similarity(influence[0], influence[1], 0, NeuronInfluence.CosineEps).ToDouble();
        }

        value.ShouldBe(expected, 1e-5);
        value.ShouldBeInRange(0.0, 2.0);
    }

    [Fact]
    public void Lambda_align_zero_is_plain_tfs_and_positive_changes_the_stitch_and_is_reported()
    {
        float[] Run(double lambdaAlign, out IReadOnlyDictionary<string, double> diagnostics)
        {
            using var scope = NewDisposeScope();
            var data = Synthetic.Dataset();
            var backbone = StitchFixture.Mlp();
            using var cache = FeatureCache.Compute(backbone, 2, data, "abc");
            manual_seed(3);
            using var model = new StitchedNetwork(backbone, 2, new StitchLayer(cache.Shape), trainHead: false);
            var result = StitchTrainer.Train(model, StitchFixture.TrainingData(cache, data.GroupNames, 3),
                new StitchOptions { Epochs = 3, Seed = 3, LambdaAlign = lambdaAlign }, null);
            diagnostics = result.Epochs[^1].Diagnostics;
            return model.PredictLogits(cache.Test.Features);
        }

        var plain = Run(0, out var plainDiagnostics);
        plainDiagnostics.ContainsKey(StitchAlignment.Key).ShouldBeFalse();
        Run(0, out _).ShouldBe(plain);
        var aligned = Run(1.0, out var alignedDiagnostics);
        aligned.ShouldNotBe(plain);
        alignedDiagnostics[StitchAlignment.Key].ShouldBeInRange(0.0, 2.0);
    }

    [Fact]
    public void Fdr_has_no_stitch_to_align()
    {
        Should.Throw<InvalidInputException>(() => new StitchOptions { Method = StitchMethod.Fdr, LambdaAlign = 0.1 }.Validate())
            .Message.ShouldBe("lambda_align applies to the stitch of tfs and tfs-joint, not to fdr");
    }
}
