using TorchSharp;

namespace FairSharp.Data;

/// <summary>Rows of a <see cref="DataSplit"/> as tensors: inputs x (float32, [n, …sample shape]), targets y
/// (float32, [n]) and groups g (int64, [n]). Owns the tensors: dispose it, or move them to an outer scope.</summary>
public sealed class SplitTensors : IDisposable
{
    internal SplitTensors(torch.Tensor x, torch.Tensor y, torch.Tensor g)
    {
        X = x;
        Y = y;
        G = g;
    }

    /// <summary>Inputs, float32, shape [n, …sample shape].</summary>
    public torch.Tensor X { get; }

    /// <summary>Binary targets as float32 (for BCE), shape [n].</summary>
    public torch.Tensor Y { get; }

    /// <summary>Group indices, int64, shape [n].</summary>
    public torch.Tensor G { get; }

    /// <summary>Deconstructs into (x, y, g).</summary>
    public void Deconstruct(out torch.Tensor x, out torch.Tensor y, out torch.Tensor g)
    {
        x = X;
        y = Y;
        g = G;
    }

    /// <summary>Disposes the three tensors.</summary>
    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
        G.Dispose();
    }
}
