using System.Globalization;
using System.Text;
using static TorchSharp.torch;

namespace FairSharp.Conformance;

/// <summary>Writes numpy .npy files (format 1.0, little-endian, C order), so the Python side loads them with np.load.</summary>
internal static class Npy
{
    public static void Write(string path, float[] values, params long[] shape) => Write(path, "<f4", MemoryOf(values), shape);

    public static void Write(string path, double[] values, params long[] shape) => Write(path, "<f8", MemoryOf(values), shape);

    public static void Write(string path, int[] values, params long[] shape) => Write(path, "<i4", MemoryOf(values), shape);

    public static void Write(string path, long[] values, params long[] shape) => Write(path, "<i8", MemoryOf(values), shape);

    /// <summary>A tensor as float32 (float tensors) or float64 (double tensors), with its own shape.</summary>
    public static void Write(string path, Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        if (cpu.dtype == float64)
        {
            Write(path, cpu.data<double>().ToArray(), cpu.shape);
        }
        else
        {
            using var f = cpu.to(float32);
            Write(path, f.data<float>().ToArray(), cpu.shape);
        }
    }

    private static byte[] MemoryOf<T>(T[] values) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static void Write(string path, string descr, byte[] data, long[] shape)
    {
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        var total = 10 + header.Length + 1;
        header += new string(' ', (64 - (total % 64)) % 64) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        var bytes = Encoding.ASCII.GetBytes(header);
        stream.Write(BitConverter.GetBytes((ushort)bytes.Length));
        stream.Write(bytes);
        stream.Write(data);
    }
}
