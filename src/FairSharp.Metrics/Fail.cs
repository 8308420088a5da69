using System.Globalization;

namespace FairSharp.Metrics;

/// <summary>Builds <see cref="InvalidInputException"/>s from the constant texts in <see cref="MetricErrors"/>.</summary>
internal static class Fail
{
    public static InvalidInputException With(string text) => new(text);

    public static InvalidInputException With(string format, params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));

    public static void IfLengthDiffers(string argument, int length, int expected)
    {
        if (length != expected)
        {
            throw With(MetricErrors.LengthMismatch, argument, length, expected);
        }
    }

    /// <summary>Checks optional weights (empty = unweighted) and returns their total (or the row count).</summary>
    public static double CheckWeights(ReadOnlySpan<double> weights, int rows)
    {
        if (weights.IsEmpty)
        {
            return rows;
        }

        IfLengthDiffers("sample_weight", weights.Length, rows);
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw With(MetricErrors.InvalidWeight, i, w);
            }

            total += w;
        }

        return total;
    }
}
