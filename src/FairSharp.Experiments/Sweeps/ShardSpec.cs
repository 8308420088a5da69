using System.Globalization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// The i-th of n disjoint slices of a plan (1-based: <c>1/4</c> … <c>4/4</c>). Trial number k of the plan (0-based,
/// plan order) belongs to slice <c>(k mod n) + 1</c>: round-robin, so every slice gets a mix of methods and λ and
/// the slices take about the same time. The n slices are disjoint and together cover the plan.
/// </summary>
/// <param name="Index">Slice number, 1 ≤ Index ≤ Count.</param>
/// <param name="Count">Number of slices, ≥ 1.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole plan (<c>1/1</c>).</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>Parses <c>i/n</c>; throws <see cref="InvalidInputException"/> (<see cref="ExperimentErrors.BadShard"/>) otherwise.</summary>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.BadShard, text));
    }

    /// <summary>True when trial number <paramref name="planPosition"/> (0-based) belongs to this slice.</summary>
    public bool Contains(int planPosition) => planPosition % Count == Index - 1;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");
}
