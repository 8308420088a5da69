using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests.Protocols;

public sealed class QuantizerTests
{
    [Fact]
    public void Edges_are_numpy_linear_quantiles()
    {
        // np.quantile([1..11], np.arange(0, 1.1, 0.1)) = 1, 2, …, 11
        Quantizer.Edges(Enumerable.Range(1, 11).Select(i => (double)i).ToArray(), 10)
            .ShouldBe(Enumerable.Range(1, 11).Select(i => (double)i).ToArray(), 1e-12);
        // np.quantile([0, 10], [0, .5, 1]) = 0, 5, 10; np.quantile([1, 2, 3, 4], [0, .5, 1]) = 1, 2.5, 4
        Quantizer.Edges([10.0, 0.0], 2).ShouldBe([0.0, 5.0, 10.0], 1e-12);
        Quantizer.Edges([4.0, 1.0, 3.0, 2.0], 2).ShouldBe([1.0, 2.5, 4.0], 1e-12);
    }

    [Theory]
    [InlineData(-5.0, 0)]
    [InlineData(1.0, 0)]
    [InlineData(1.5, 0)]
    [InlineData(2.0, 1)]
    [InlineData(5.5, 4)]
    [InlineData(10.99, 9)]
    [InlineData(11.0, 9)]
    [InlineData(99.0, 9)]
    public void Bins_follow_np_digitize_clipped_to_the_range(double x, int expected)
    {
        var edges = Enumerable.Range(1, 11).Select(i => (double)i).ToArray();
        Quantizer.Bin(x, edges, 10).ShouldBe(expected);
    }
}
