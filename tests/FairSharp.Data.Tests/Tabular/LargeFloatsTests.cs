using FairSharp.Data.Tabular;

namespace FairSharp.Data.Tests.Tabular;

public sealed class LargeFloatsTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData((LargeFloats.Threshold / sizeof(float)) + 12_345)]
    public void A_zeroed_array_has_the_length_asked_and_only_zeros_even_when_memory_is_reused(long count)
    {
        for (var round = 0; round < 2; round++)
        {
            var x = LargeFloats.Zeroed(count);
            x.LongLength.ShouldBe(count);
            x.AsSpan().IndexOfAnyExcept(0f).ShouldBe(-1);
            x.AsSpan().Fill(3f);
            GC.KeepAlive(x);
            GC.Collect();
        }
    }
}
