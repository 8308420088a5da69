namespace FairSharp.Data;

/// <summary>
/// One split (train, validation or test) of a prepared dataset, as plain arrays: the form FairSharp.Metrics reads,
/// and the source of the tensors TorchSharp trains on.
/// </summary>
/// <remarks>
/// <see cref="Features"/> is row-major: row <c>i</c> occupies <c>[i * RowSize, (i + 1) * RowSize)</c>, where
/// <see cref="RowSize"/> is the product of <see cref="SampleShape"/> (<c>[d]</c> for tabular data, <c>[3, 32, 32]</c>
/// for images, channels first).
/// </remarks>
public sealed class DataSplit
{
    /// <summary>Creates a split; the arrays are owned by the split from now on (not copied).</summary>
    /// <exception cref="ArgumentException">The array lengths do not agree.</exception>
    public DataSplit(string name, float[] features, int[] sampleShape, int[] labels, int[] groups)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(sampleShape);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        var rowSize = sampleShape.Aggregate(1, (a, b) => a * b);
        if (labels.Length != groups.Length || (long)labels.Length * rowSize != features.LongLength)
        {
            throw new ArgumentException($"split '{name}': {features.Length} features, {labels.Length} labels, {groups.Length} groups do not agree with sample shape [{string.Join(",", sampleShape)}]");
        }

        Name = name;
        Features = features;
        SampleShape = sampleShape;
        Labels = labels;
        Groups = groups;
        RowSize = rowSize;
    }

    /// <summary><c>train</c>, <c>validation</c> or <c>test</c>.</summary>
    public string Name { get; }

    /// <summary>Row-major inputs, <see cref="Count"/> × <see cref="RowSize"/>.</summary>
    public float[] Features { get; }

    /// <summary>Shape of one sample (<c>[d]</c> tabular, <c>[C, H, W]</c> images).</summary>
    public int[] SampleShape { get; }

    /// <summary>Binary targets y ∈ {0, 1}.</summary>
    public int[] Labels { get; }

    /// <summary>Group index 0..G−1 of each row (see <see cref="PreparedDataset.GroupNames"/>).</summary>
    public int[] Groups { get; }

    /// <summary>Values per row.</summary>
    public int RowSize { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The rows <paramref name="rows"/>, in that order, as a new split with the same name (arrays copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A row index outside the split.</exception>
    public DataSplit Select(ReadOnlySpan<int> rows)
    {
        var features = new float[(long)rows.Length * RowSize];
        var labels = new int[rows.Length];
        var groups = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            if ((uint)r >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"row {r} is outside split '{Name}' of {Count} rows");
            }

            Array.Copy(Features, (long)r * RowSize, features, (long)i * RowSize, RowSize);
            labels[i] = Labels[r];
            groups[i] = Groups[r];
        }

        return new DataSplit(Name, features, SampleShape, labels, groups);
    }
}
