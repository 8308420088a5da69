using FairSharp.Training.Rationale;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Conformance;

/// <summary>FAIRER's per-layer cosine (<see cref="NeuronInfluence.Cosine"/>) on non-negative influence vectors with
/// tiny norms, in float32 and float64: each row pairs two 64-element vectors scaled to a norm between 1e-10 and 1e-4
/// (below and above torch's eps = 1e-8), and the value and both gradients are exported.</summary>
internal static class CosineExport
{
    public static readonly double[] Norms = [1e-10, 3e-9, 1e-8, 3e-8, 1e-7, 1e-6, 1e-5, 1e-4];

    public static void Run(string output)
    {
        var dir = Directory.CreateDirectory(Path.Combine(output, "cosine")).FullName;
        var generator = new Generator(3);
        foreach (var dtype in new[] { float64, float32 })
        {
            var name = dtype == float64 ? "f64" : "f32";
            var count = Norms.Length * Norms.Length;
            using var a = empty([count, 64], dtype);
            using var b = empty([count, 64], dtype);
            using var values = empty([count], dtype);
            using var gradA = empty([count, 64], dtype);
            using var gradB = empty([count, 64], dtype);
            var row = 0;
            foreach (var na in Norms)
            {
                foreach (var nb in Norms)
                {
                    using var scope = NewDisposeScope();
                    var u = rand([64], float64, generator: generator).pow(3);
                    var v = rand([64], float64, generator: generator).pow(3);
                    var x = (u * (na / u.norm().ToDouble())).to(dtype).requires_grad_(true);
                    var z = (v * (nb / v.norm().ToDouble())).to(dtype).requires_grad_(true);
                    var c = NeuronInfluence.Cosine(x, z);
                    var grads = autograd.grad([c], [x, z]);
                    a[row].copy_(x.detach());
                    b[row].copy_(z.detach());
                    values[row].copy_(c.detach());
                    gradA[row].copy_(grads[0]);
                    gradB[row].copy_(grads[1]);
                    row++;
                }
            }

            Npy.Write(Path.Combine(dir, $"a_{name}.npy"), a);
            Npy.Write(Path.Combine(dir, $"b_{name}.npy"), b);
            Npy.Write(Path.Combine(dir, $"cos_{name}.npy"), values);
            Npy.Write(Path.Combine(dir, $"grad_a_{name}.npy"), gradA);
            Npy.Write(Path.Combine(dir, $"grad_b_{name}.npy"), gradB);
        }

        Console.WriteLine($"cosine: {Norms.Length * Norms.Length} pairs per dtype");
    }
}
