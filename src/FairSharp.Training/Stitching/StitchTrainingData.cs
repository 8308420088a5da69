using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>The tensors a stitch run trains and evaluates on.</summary>
/// <param name="X">Fine-tuning representations, [M, ..shape].</param>
/// <param name="Y">Fine-tuning labels as 0/1 floats, [M].</param>
/// <param name="A">Fine-tuning groups as 0/1 floats (the sensitive attribute a), [M].</param>
/// <param name="Validation">Validation split (selection).</param>
/// <param name="Test">Test split (reporting).</param>
/// <param name="GroupNames">Group names (two).</param>
public sealed record StitchTrainingData(Tensor X, Tensor Y, Tensor A, CachedSplit Validation, CachedSplit Test, IReadOnlyList<string> GroupNames)
{
    /// <summary>Error text: TFS's penalties compare exactly two groups (format: count).</summary>
    public const string NeedsTwoGroups = "stitch methods compare exactly 2 groups (a binary sensitive attribute), got {0}";

    /// <summary>The balanced set's rows of the pool (<paramref name="poolFeatures"/>, labels, groups) as training tensors.</summary>
    public static StitchTrainingData Build(Tensor poolFeatures, IReadOnlyList<int> poolLabels, IReadOnlyList<int> poolGroups, BalancedSet set,
        CachedSplit validation, CachedSplit test, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(poolFeatures);
        ArgumentNullException.ThrowIfNull(poolLabels);
        ArgumentNullException.ThrowIfNull(poolGroups);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(groupNames);
        if (groupNames.Count != 2)
        {
            throw new InvalidInputException(string.Format(System.Globalization.CultureInfo.InvariantCulture, NeedsTwoGroups, groupNames.Count));
        }

        using var scope = NewDisposeScope();
        var index = tensor(set.Rows.Select(r => (long)r).ToArray());
        var x = poolFeatures.index_select(0, index).contiguous();
        var y = tensor(set.Rows.Select(r => (float)poolLabels[r]).ToArray());
        var a = tensor(set.Rows.Select(r => (float)poolGroups[r]).ToArray());
        return new StitchTrainingData(x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope(), a.MoveToOuterDisposeScope(), validation, test, groupNames);
    }

    /// <summary>Rows in the fine-tuning set.</summary>
    public int Count => (int)Y.shape[0];

    /// <summary>Rows per class in the fine-tuning set: (negatives, positives).</summary>
    public (int Negative, int Positive) ClassCounts()
    {
        var positives = (int)Y.sum().ToDouble();
        return (Count - positives, positives);
    }
}
