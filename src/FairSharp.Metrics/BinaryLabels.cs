namespace FairSharp.Metrics;

/// <summary>
/// fairlearn's label rules for the confusion-matrix rates (<c>_get_labels_for_confusion_matrix</c>): the distinct values of
/// y_true ∪ y_pred, with the positive label last.
/// </summary>
/// <param name="Negative">The negative label (<see cref="int.MinValue"/> when only the positive label occurs).</param>
/// <param name="Positive">The positive label.</param>
public readonly record struct BinaryLabels(int Negative, int Positive)
{
    /// <summary>
    /// Resolves the labels. Without <paramref name="posLabel"/> the values must lie in {0, 1} or in {−1, 1} and the positive
    /// label is 1; more than two distinct values, or a positive label absent from two distinct values, is an error with
    /// fairlearn's text. A single distinct value is padded to two labels.
    /// </summary>
    /// <exception cref="InvalidInputException">With <see cref="MetricErrors.RestrictedValuesIfPosLabelNone"/>,
    /// <see cref="MetricErrors.TooManyUniqueYValues"/> or <see cref="MetricErrors.NeedPosLabelInYValues"/>.</exception>
    public static BinaryLabels Resolve(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, int? posLabel)
    {
        Span<int> unique = stackalloc int[3];
        var count = 0;
        count = Collect(yTrue, unique, count);
        count = Collect(yPred, unique, count);
        unique[..Math.Min(count, 3)].Sort();

        int pos;
        if (posLabel is { } given)
        {
            pos = given;
        }
        else
        {
            if (count > 2 || !AllIn(unique[..count], 0, 1) && !AllIn(unique[..count], -1, 1))
            {
                throw Fail.With(MetricErrors.RestrictedValuesIfPosLabelNone);
            }

            pos = 1;
        }

        return count switch
        {
            1 when unique[0] == pos => new BinaryLabels(int.MinValue, pos),
            1 => new BinaryLabels(unique[0], pos),
            2 when unique[0] == pos => new BinaryLabels(unique[1], pos),
            2 when unique[1] == pos => new BinaryLabels(unique[0], pos),
            2 => throw Fail.With(MetricErrors.NeedPosLabelInYValues),
            _ => throw Fail.With(MetricErrors.TooManyUniqueYValues),
        };
    }

    private static int Collect(ReadOnlySpan<int> values, Span<int> unique, int count)
    {
        foreach (var v in values)
        {
            if (unique[..Math.Min(count, 3)].Contains(v))
            {
                continue;
            }

            if (count < 3)
            {
                unique[count] = v;
            }

            count++;
            if (count > 3)
            {
                return count;
            }
        }

        return count;
    }

    private static bool AllIn(ReadOnlySpan<int> values, int a, int b)
    {
        foreach (var v in values)
        {
            if (v != a && v != b)
            {
                return false;
            }
        }

        return true;
    }
}
