using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>Training-mode dropout with its keep-mask drawn in managed code: y = x · m / (1 − p), m ~ Bernoulli(1 − p)
/// independent per element. By default the draws are torch's own (<see cref="TorchBernoulli"/>: the same mask and the
/// same generator state afterwards as <c>nn.functional.dropout</c>, bit for bit); with
/// <see cref="TrainerOptions.FastDropout"/> they come from xoshiro256** streams instead (same distribution, other draws).</summary>
/// <remarks>Why: on CPUs where libtorch does not take its MKL path (e.g. AMD), <c>bernoulli_</c> runs a serial
/// mt19937 loop with two 32-bit draws per element, about a third of the FFB MLP's training step. <see cref="TorchBernoulli"/>
/// runs the same engine vectorised. The fast option draws one 32-bit word per element from four vectorised xoshiro256**
/// streams (Blackman and Vigna 2018), keeping an element when the word is below (1 − p)·2³²; its generator is seeded by
/// one 63-bit draw from torch's global generator per call, so a run is still fully determined by its seed. Either mask
/// and its scale are written into one tensor and multiplied as torch's <c>_dropout</c> does
/// (<c>noise.bernoulli_(1 − p).div_(1 − p); input * noise</c>), so the backward is the same product. Only contiguous
/// float32 tensors on the CPU take these paths, and the default one only where <see cref="TorchBernoulli.Matches"/>;
/// anything else is torch's dropout.</remarks>
internal static class ManagedDropout
{
    private const double TwoTo32 = 4294967296.0;

    /// <summary>Dropout of <paramref name="input"/> in training mode with drop probability <paramref name="p"/> in (0, 1):
    /// torch's own mask, or the xoshiro one when <paramref name="fast"/>.</summary>
    public static Tensor Apply(Tensor input, double p, bool fast)
    {
        if (input.device_type != DeviceType.CPU || input.dtype != ScalarType.Float32 || !input.is_contiguous()
            || (!fast && !TorchBernoulli.Matches))
        {
            return nn.functional.dropout(input, p, true);
        }

        var keep = 1 - p;
        using var noise = empty(input.shape, ScalarType.Float32);
        var mask = MemoryMarshal.Cast<byte, float>(noise.bytes);
        if (fast)
        {
            long seed;
            using (var draw = randint(0, long.MaxValue, [1], ScalarType.Int64))
            {
                seed = draw.item<long>();
            }

            Fill(mask, (ulong)seed, p);
        }
        else
        {
            TorchBernoulli.Fill(mask, keep, 1f / (float)keep);
        }

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
