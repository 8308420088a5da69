using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>One split's cached representation at a stitch point, with its labels and groups.</summary>
/// <remarks>Owns <see cref="Features"/>: dispose it (or its <see cref="FeatureCache"/>).</remarks>
public sealed class CachedSplit : IDisposable
{
    /// <summary>Creates a split; the arrays and the tensor are owned from now on.</summary>
    public CachedSplit(string name, Tensor features, int[] labels, int[] groups)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        if (features.shape[0] != labels.Length || labels.Length != groups.Length)
        {
            throw new ArgumentException($"cached split '{name}': {features.shape[0]} feature rows, {labels.Length} labels, {groups.Length} groups");
        }

        Name = name;
        Features = features;
        Labels = labels;
        Groups = groups;
    }

    /// <summary><c>train</c>, <c>validation</c> or <c>test</c>.</summary>
    public string Name { get; }

    /// <summary>Representation, float32 [N, ..stitch point shape].</summary>
    public Tensor Features { get; }

    /// <summary>Targets y ∈ {0, 1}.</summary>
    public int[] Labels { get; }

    /// <summary>Group index of each row.</summary>
    public int[] Groups { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>Releases the feature tensor.</summary>
    public void Dispose() => Features.Dispose();
}
