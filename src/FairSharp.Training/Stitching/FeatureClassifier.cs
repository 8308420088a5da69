using FairSharp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>A classifier on cached representations: representation at the stitch point → one logit per row.</summary>
/// <remarks>Designed for extension: <see cref="StitchedNetwork"/> (TFS, tfs-joint) and <see cref="FreshHead"/> (FDR).
/// Two-logit equivalence: SGD on the released two-logit output layer (w₀, w₁) moves the logit difference v = w₁ − w₀ by
/// −lr·(2·∂L/∂v + wd·v) per step, momentum included (it is linear). So the output layer (<see cref="HeadParameters"/>)
/// is the parameter group (lr × 2, wd × ½), which reproduces the released head exactly; the stitch's gradient through a
/// frozen head is the same in both forms, so it keeps lr and wd.</remarks>
public abstract class FeatureClassifier : nn.Module<Tensor, Tensor>, ITrainable
{
    /// <summary>Creates the module.</summary>
    protected FeatureClassifier(string name) : base(name)
    {
    }

    /// <summary>Trainable parameters optimised with the run's learning rate and weight decay (the stitch).</summary>
    public abstract IReadOnlyList<Parameter> StitchParameters { get; }

    /// <summary>Trainable parameters of a one-logit output layer. They are optimised with twice the learning rate and
    /// half the weight decay, which makes SGD on the one-logit layer v = w₁ − w₀ follow exactly the difference of the
    /// released two-logit layer.</summary>
    public abstract IReadOnlyList<Parameter> HeadParameters { get; }

    /// <summary>Every trainable parameter.</summary>
    public IReadOnlyList<Parameter> TrainableParameters => [.. StitchParameters, .. HeadParameters];

    /// <summary>The stitch (multipliers 1) and the head (lr × 2, wd × ½), each when it has parameters.</summary>
    public IReadOnlyList<ParameterGroup> ParameterGroups =>
        new[] { new ParameterGroup(StitchParameters), new ParameterGroup(HeadParameters, 2, 0.5) }.Where(g => g.Parameters.Count > 0).ToArray();

    /// <summary>The trainable parameters (the frozen backbone never changes).</summary>
    public IEnumerable<Tensor> SelectionState => TrainableParameters;

    /// <summary>Scores from logits (<see cref="SplitScores.FromLogits"/>).</summary>
    public SplitScores Score(Tensor inputs, int[] labels) => SplitScores.FromLogits(PredictLogits(inputs), labels);

    /// <summary>Logits for every row of <paramref name="features"/>, in evaluation mode and without gradients, in chunks;
    /// the training mode is restored afterwards.</summary>
    public float[] PredictLogits(Tensor features, int chunk = 4096)
    {
        ArgumentNullException.ThrowIfNull(features);
        var wasTraining = training;
        eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var n = features.shape[0];
            var result = new float[n];
            for (long start = 0; start < n; start += chunk)
            {
                var len = Math.Min(chunk, n - start);
                forward(features.narrow(0, start, len)).to(CPU).data<float>().CopyTo(result, (int)start);
            }

            return result;
        }
        finally
        {
            train(wasTraining);
        }
    }
}
