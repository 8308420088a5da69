using TorchSharp;

namespace FairSharp.Data;

/// <summary>Turns a <see cref="DataSplit"/> (or some of its rows, e.g. a sampler's batch) into TorchSharp tensors.</summary>
public static class TensorConversion
{
    /// <summary>Every row of <paramref name="split"/> as (x, y, g) tensors on <paramref name="device"/> (default CPU).</summary>
    public static SplitTensors ToTensors(DataSplit split, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Build(split, split.Features, split.Labels, split.Groups, split.Count, device);
    }

    /// <summary>The rows <paramref name="rows"/> of <paramref name="split"/>, in that order, as (x, y, g) tensors.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A row index outside the split.</exception>
    public static SplitTensors ToTensors(DataSplit split, ReadOnlySpan<int> rows, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        var subset = split.Select(rows);
        return Build(split, subset.Features, subset.Labels, subset.Groups, rows.Length, device);
    }

    /// <summary>The inputs of the rows <paramref name="rows"/> only, float32 [n, …sample shape].</summary>
    public static torch.Tensor Features(DataSplit split, ReadOnlySpan<int> rows, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(split.Select(rows).Features, Shape(split, rows.Length)).to(device ?? torch.CPU);
        return x.MoveToOuterDisposeScope();
    }

    private static SplitTensors Build(DataSplit split, float[] features, int[] labels, int[] groups, int n, torch.Device? device)
    {
        using var scope = torch.NewDisposeScope();
        var target = device ?? torch.CPU;
        var x = torch.tensor(features, Shape(split, n)).to(target);
        var y = torch.tensor(labels.Select(v => (float)v).ToArray(), [n]).to(target);
        var g = torch.tensor(groups.Select(v => (long)v).ToArray(), [n]).to(target);
        return new SplitTensors(x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope(), g.MoveToOuterDisposeScope());
    }

    private static long[] Shape(DataSplit split, int n) => [n, .. split.SampleShape.Select(d => (long)d)];
}
