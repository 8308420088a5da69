using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>Training-mode dropout, y = x · m / (1 − p) with m ~ Bernoulli(1 − p) independent per element, with torch's
/// own mask drawn in managed code (<see cref="TorchBernoulli"/>): the same output and the same generator state
/// afterwards as <c>nn.functional.dropout(x, p, training: true)</c>, bit for bit, at a fraction of its cost.</summary>
/// <remarks>Why: on CPUs where libtorch does not take its MKL path (e.g. AMD), <c>bernoulli_</c> runs a serial mt19937
/// loop with two 32-bit draws per element, about a third of the FFB MLP's training step; <see cref="TorchBernoulli"/>
/// runs the same engine vectorised. The mask and its scale are written into one tensor and multiplied as torch's
/// <c>_dropout</c> does (<c>noise.bernoulli_(1 − p).div_(1 − p); input * noise</c>), so the backward is the same product.
/// Only contiguous float32 tensors on the CPU, where <see cref="TorchBernoulli.Matches"/>, take this path; anything
/// else is torch's dropout.</remarks>
internal static class ManagedDropout
{
    /// <summary>Dropout of <paramref name="input"/> in training mode with drop probability <paramref name="p"/> in (0, 1).</summary>
    public static Tensor Apply(Tensor input, double p)
    {
        if (input.device_type != DeviceType.CPU || input.dtype != ScalarType.Float32 || !input.is_contiguous() || !TorchBernoulli.Matches)
        {
            return nn.functional.dropout(input, p, true);
        }

        var keep = 1 - p;
        using var noise = empty(input.shape, ScalarType.Float32);
        TorchBernoulli.Fill(MemoryMarshal.Cast<byte, float>(noise.bytes), keep, 1f / (float)keep);
        return input.mul(noise);
    }
}
