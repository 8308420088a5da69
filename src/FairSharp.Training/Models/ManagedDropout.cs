using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>Opt-in dropout whose keep-mask is drawn in managed code (<see cref="TrainerOptions.FastDropout"/>): the
/// same distribution as torch's dropout, y = x · m / (1 − p) with m ~ Bernoulli(1 − p) independent per element, but
/// not the same draws, so results differ from the default path (not bitwise identical to it).</summary>
/// <remarks>Why: on CPUs where libtorch does not take its MKL path (e.g. AMD), <c>bernoulli_</c> runs a serial
/// mt19937 loop with two 32-bit draws per element; this draws one 32-bit word per element from four vectorised xoshiro256**
/// streams (Blackman and Vigna 2018), keeping an element when the word is below (1 − p)·2³². The generator is seeded by one
/// 63-bit draw from torch's global generator per call, so a run is still fully determined by its seed and successive
/// calls get independent masks. The mask and its scale are written into one tensor and multiplied as torch's
/// <c>_dropout</c> does (<c>noise.bernoulli_(1 − p).div_(1 − p); input * noise</c>), so the backward is the same
/// product. Only float32 tensors on the CPU take this path; anything else falls back to torch's dropout.</remarks>
internal static class ManagedDropout
{
    private const double TwoTo32 = 4294967296.0;

    /// <summary>Dropout of <paramref name="input"/> in training mode with drop probability <paramref name="p"/> in (0, 1).</summary>
    public static Tensor Apply(Tensor input, double p)
    {
        if (input.device_type != DeviceType.CPU || input.dtype != ScalarType.Float32)
        {
            return nn.functional.dropout(input, p, true);
        }

        long seed;
        using (var draw = randint(0, long.MaxValue, [1], ScalarType.Int64))
        {
            seed = draw.item<long>();
        }

        using var noise = empty(input.shape, ScalarType.Float32);
        Fill(MemoryMarshal.Cast<byte, float>(noise.bytes), (ulong)seed, p);
        return input.mul(noise);
    }

    /// <summary>Writes 1/(1 − p) (kept) or 0 (dropped) into every element of <paramref name="noise"/>, each kept with
    /// probability t/2³², t = round((1 − p)·2³²): element 8k + j is kept when 32-bit word j of draw k of four
    /// interleaved xoshiro256** streams (lane j / 2, low word first) is below t. The streams' states are the
    /// successive SplitMix64 outputs of <paramref name="seed"/>. Vector256 arithmetic gives the same words whether or
    /// not the CPU has AVX2, so a seed gives one mask on every machine.</summary>
    internal static void Fill(Span<float> noise, ulong seed, double p)
    {
        var keep = 1 - p;
        var limit = Vector256.Create((uint)Math.Min(Math.Round(keep * TwoTo32), uint.MaxValue));
        var scale = Vector256.Create(BitConverter.SingleToUInt32Bits(1f / (float)keep));
        var (s0, s1, s2, s3) = Seed(seed);
        var words = MemoryMarshal.Cast<float, uint>(noise);
        var i = 0;
        for (; i + Vector256<uint>.Count <= words.Length; i += Vector256<uint>.Count)
        {
            var draw = Next(ref s0, ref s1, ref s2, ref s3).AsUInt32();
            (Vector256.LessThan(draw, limit) & scale).CopyTo(words[i..]);
        }

        if (i < words.Length)
        {
            Span<uint> last = stackalloc uint[Vector256<uint>.Count];
            (Vector256.LessThan(Next(ref s0, ref s1, ref s2, ref s3).AsUInt32(), limit) & scale).CopyTo(last);
            last[..(words.Length - i)].CopyTo(words[i..]);
        }
    }

    // xoshiro256** 1.0 (https://prng.di.unimi.it/xoshiro256starstar.c) on four lanes: result = rotl(s1·5, 7)·9, then
    // the state update; the products are shifts and adds (AVX2 has no 64-bit multiply).
    private static Vector256<ulong> Next(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        var five = (s1 << 2) + s1;
        var rotated = (five << 7) | (five >>> 57);
        var result = (rotated << 3) + rotated;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >>> 19);
        return result;
    }

    // Lane j's state words are SplitMix64 outputs 4j … 4j + 3 (SplitMix64 filling xoshiro's state, as its authors advise).
    private static (Vector256<ulong>, Vector256<ulong>, Vector256<ulong>, Vector256<ulong>) Seed(ulong seed)
    {
        Span<ulong> state = stackalloc ulong[16];
        foreach (ref var word in state)
        {
            var z = seed += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            word = z ^ (z >> 31);
        }

        return (Vector256.Create(state[0], state[4], state[8], state[12]), Vector256.Create(state[1], state[5], state[9], state[13]),
            Vector256.Create(state[2], state[6], state[10], state[14]), Vector256.Create(state[3], state[7], state[11], state[15]));
    }
}
