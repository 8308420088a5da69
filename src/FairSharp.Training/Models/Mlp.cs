namespace FairSharp.Training.Models;

/// <summary>Multi-layer perceptron: for each hidden width a Linear → ReLU → dropout stage, then Linear(last → 1).
/// With <see cref="ModelSpec.FfbMlp"/> it is FFB's <c>networks.MLP</c> (512-256-64, dropout 0.5); with hidden
/// [200, 200] and no dropout it is Fair Mixup's Adult <c>Net</c>.</summary>
public sealed class Mlp : FairNetwork
{
    /// <summary>Builds the MLP described by <paramref name="spec"/> (architecture <c>mlp</c>).</summary>
    public Mlp(ModelSpec spec) : base("mlp", spec, Stages(spec), spec.Hidden[^1])
    {
    }

    private static IEnumerable<NetworkStage> Stages(ModelSpec spec)
    {
        var inputs = spec.InputShape[0];
        for (var i = 0; i < spec.Hidden.Count; i++)
        {
            yield return new LinearStage($"hidden{i + 1}", inputs, spec.Hidden[i], spec.Dropout);
            inputs = spec.Hidden[i];
        }
    }
}
