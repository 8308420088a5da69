using TorchSharp;

namespace FairSharp.Data.Tests.Sampling;

public sealed class TensorConversionTests
{
    private static readonly DataSplit Split = new("train", [1, 2, 3, 4, 5, 6], [2], [0, 1, 1], [2, 0, 1]);

    [Fact]
    public void A_whole_split_becomes_float_inputs_float_targets_and_long_groups()
    {
        var (x, y, g) = TensorConversion.ToTensors(Split);
        using (x)
        using (y)
        using (g)
        {
            x.shape.ShouldBe([3L, 2L]);
            x.dtype.ShouldBe(torch.ScalarType.Float32);
            y.dtype.ShouldBe(torch.ScalarType.Float32);
            g.dtype.ShouldBe(torch.ScalarType.Int64);
            x.data<float>().ToArray().ShouldBe([1f, 2, 3, 4, 5, 6]);
            y.data<float>().ToArray().ShouldBe([0f, 1, 1]);
            g.data<long>().ToArray().ShouldBe([2L, 0, 1]);
        }
    }

    [Fact]
    public void A_batch_of_rows_keeps_their_order()
    {
        using var t = TensorConversion.ToTensors(Split, [2, 0]);
        t.X.data<float>().ToArray().ShouldBe([5f, 6, 1, 2]);
        t.Y.data<float>().ToArray().ShouldBe([1f, 0]);
        t.G.data<long>().ToArray().ShouldBe([1L, 2]);
        using var features = TensorConversion.Features(Split, [1]);
        features.data<float>().ToArray().ShouldBe([3f, 4]);
    }

    [Fact]
    public void Images_keep_their_channels_first_shape()
    {
        var split = new DataSplit("test", new float[2 * 3 * 4 * 4], [3, 4, 4], [0, 1], [0, 0]);
        using var t = TensorConversion.ToTensors(split);
        t.X.shape.ShouldBe([2L, 3L, 4L, 4L]);
    }

    [Fact]
    public void Only_the_returned_tensors_outlive_the_call()
    {
        using var scope = torch.NewDisposeScope();
        var before = scope.DisposablesCount;
        using var t = TensorConversion.ToTensors(Split, [0, 1]);
        (scope.DisposablesCount - before).ShouldBe(3);
    }

    [Fact]
    public void A_row_outside_the_split_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => TensorConversion.ToTensors(Split, [3]));
}
