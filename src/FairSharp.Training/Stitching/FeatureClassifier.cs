using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>A classifier on cached representations: representation at the stitch point → one logit per row.</summary>
/// <remarks>Designed for extension: <see cref="StitchedNetwork"/> (TFS, tfs-joint) and <see cref="FreshHead"/> (FDR).</remarks>
public abstract class FeatureClassifier : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    protected FeatureClassifier(string name) : base(name)
    {
    }

    /// <summary>Trainable parameters optimised with the run's learning rate and weight decay (the stitch).</summary>
    public abstract IReadOnlyList<Parameter> StitchParameters { get; }

    /// <summary>Trainable parameters of a one-logit output layer. They are optimised with twice the learning rate and
    /// half the weight decay, which makes SGD on the one-logit layer v = w₁ − w₀ follow exactly the difference of the
    /// released two-logit layer (see <see cref="StitchTrainer"/>).</summary>
    public abstract IReadOnlyList<Parameter> HeadParameters { get; }

    /// <summary>Every trainable parameter.</summary>
    public IReadOnlyList<Parameter> TrainableParameters => [.. StitchParameters, .. HeadParameters];

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
