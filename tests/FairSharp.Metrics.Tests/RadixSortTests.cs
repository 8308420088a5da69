namespace FairSharp.Metrics.Tests;

public sealed class RadixSortTests
{
    [Fact]
    public void Sorts_doubles_like_a_comparison_sort_and_keeps_ties_stable()
    {
        var random = new Random(17);
        var values = Enumerable.Range(0, 50_000)
            .Select(i => i % 7 == 0 ? Math.Round(random.NextDouble(), 2) : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 6)))
            .Concat([0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 1.0, 1.0])
            .ToArray();
        var keys = values.Select(RadixSort.Ascending).ToArray();
        var payload = Enumerable.Range(0, values.Length).ToArray();
        RadixSort.Sort(keys, payload);

        var expected = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        payload.ShouldBe(expected);
        keys.Select(RadixSort.FromAscending).ShouldBe(expected.Select(i => values[i] + 0.0));
    }
}
