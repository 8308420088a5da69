using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>
/// torch's own CPU dropout mask, drawn in managed code from torch's global generator: the same draws, the same mask and
/// the same generator state afterwards as <c>noise.bernoulli_(1 − p)</c>, bit for bit, several times faster.
/// </summary>
/// <remarks>
/// <para>Source: ATen's CPU kernels (libtorch 2.x). Where libtorch does not take its MKL path (non-Intel CPUs, or builds
/// without MKL), <c>bernoulli_(double p)</c> on a CPU tensor runs <c>templates::cpu::bernoulli_kernel</c>: a serial loop
/// over the elements in memory order, each drawing <c>random64()</c> = (w₁ ≪ 32) | w₂ from two successive outputs
/// w₁, w₂ of the generator's mt19937 engine, taking u = (random64 &amp; (2⁵³ − 1)) · 2⁻⁵³ and keeping the element when
/// u &lt; p. This class reads the engine's state (<c>get_rng_state</c>: seed, left, next, the 624 state words), runs
/// the same engine with a vectorised twist and tempering, compares u &lt; p in integers (u·2⁵³ &lt; ⌈p·2⁵³⌉, exact), and
/// writes the advanced state back (<c>set_rng_state</c>).</para>
/// <para>Whether this libtorch takes that path on this machine is checked once per process (<see cref="Matches"/>):
/// a draw of torch's own kernel is compared with this one, from the same state, mask and state afterwards. When they
/// differ (an Intel CPU with MKL, whose kernel draws MCG31 streams), <see cref="Fill"/> is never used and dropout
/// stays torch's.</para>
/// </remarks>
internal static class TorchBernoulli
{
    private const int N = 624;
    private const int M = 397;
    private const int StateBytes = 5056;
    private const int LeftOffset = 8;
    private const int NextOffset = 16;
    private const int WordsOffset = 24;
    private const double TwoTo53 = 9007199254740992.0;

    private static readonly Lazy<bool> matches = new(CheckAgainstTorch);

    /// <summary>True when this process's libtorch draws <c>bernoulli_</c> masks the way <see cref="Fill"/> does
    /// (checked once, on a 1,001-element draw, by mask and by the generator state after it).</summary>
    public static bool Matches => matches.Value;

    /// <summary>Writes <paramref name="keptValue"/> (kept) or 0 (dropped) into every element of
    /// <paramref name="noise"/> in order, kept with probability <paramref name="p"/> exactly as torch's
    /// <c>bernoulli_(p)</c> keeps it, and advances torch's global CPU generator as that call would.</summary>
    public static void Fill(Span<float> noise, double p, float keptValue)
    {
        using var state = get_rng_state();
        var bytes = state.bytes;
        if (bytes.Length < StateBytes)
        {
            throw new InvalidOperationException($"torch's CPU generator state has {bytes.Length} bytes; expected {StateBytes}.");
        }

        var engine = new Engine(bytes);
        engine.Fill(noise, (ulong)Math.Ceiling(p * TwoTo53), keptValue);
        var updated = bytes.ToArray();
        engine.Store(updated);
        using var next = tensor(updated, ScalarType.Byte);
        set_rng_state(next);
    }

    private static bool CheckAgainstTorch()
    {
        const int count = 1001;
        const double p = 0.37;
        using var saved = get_rng_state();
        using var expected = empty(count, ScalarType.Float32).bernoulli_(p);
        using var expectedState = get_rng_state();
        set_rng_state(saved);
        var mask = new float[count];
        Fill(mask, p, 1f);
        using var state = get_rng_state();
        var same = expected.data<float>().ToArray().AsSpan().SequenceEqual(mask)
            && expectedState.bytes.SequenceEqual(state.bytes);
        set_rng_state(saved);
        return same;
    }

    // torch's at::mt19937 (ATen/core/MT19937RNGEngine.h): operator() does `if (--left == 0) next_state();` then returns
    // the tempered state[next++]; next_state twists all 624 words and sets left = 624, next = 0.
    private sealed class Engine
    {
        private readonly uint[] words = new uint[N];
        private readonly uint[] tempered = new uint[N];
        private int left;
        private int next;

        public Engine(ReadOnlySpan<byte> state)
        {
            left = BinaryPrimitives.ReadInt32LittleEndian(state[LeftOffset..]);
            next = (int)BinaryPrimitives.ReadUInt64LittleEndian(state[NextOffset..]);
            for (var i = 0; i < N; i++)
            {
                words[i] = (uint)BinaryPrimitives.ReadUInt64LittleEndian(state[(WordsOffset + 8 * i)..]);
            }
        }

        public void Store(Span<byte> state)
        {
            BinaryPrimitives.WriteInt32LittleEndian(state[LeftOffset..], left);
            BinaryPrimitives.WriteUInt64LittleEndian(state[NextOffset..], (ulong)next);
            for (var i = 0; i < N; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(state[(WordsOffset + 8 * i)..], words[i]);
            }
        }

        public void Fill(Span<float> noise, ulong limit, float keptValue)
        {
            var available = 0; // tempered outputs ready at tempered[next .. next + available)
            if (left > 1)
            {
                available = left - 1;
                Temper(words, tempered, next, available);
            }

            var kept = BitConverter.SingleToUInt32Bits(keptValue);
            var output = MemoryMarshal.Cast<float, uint>(noise);
            var i = 0;
            while (i < output.Length)
            {
                if (available >= 2)
                {
                    var pairs = Math.Min(available / 2, output.Length - i);
                    Decide(tempered.AsSpan(next, 2 * pairs), output.Slice(i, pairs), limit, kept);
                    next += 2 * pairs;
                    left -= 2 * pairs;
                    available -= 2 * pairs;
                    i += pairs;
                    continue;
                }

                var high = Draw(ref available);
                var low = Draw(ref available);
                output[i++] = Keep(high, low, limit) ? kept : 0u;
            }
        }

        // One operator() call, refilling the tempered block when the engine twists.
        private uint Draw(ref int available)
        {
            if (--left == 0)
            {
                Twist(words);
                left = N;
                next = 0;
                Temper(words, tempered, 0, N);
                available = N;
            }

            available--;
            return tempered[next++];
        }

        private static bool Keep(uint high, uint low, ulong limit) => ((((ulong)high & 0x1FFFFF) << 32) | low) < limit;

        private static void Decide(ReadOnlySpan<uint> draws, Span<uint> output, ulong limit, uint kept)
        {
            var i = 0;
            var pairs = MemoryMarshal.Cast<uint, ulong>(draws);
            var bound = Vector256.Create(limit);
            var mantissa = Vector256.Create(0x1FFFFFUL);
            var keep = Vector256.Create(kept);
            for (; i + 8 <= output.Length; i += 8)
            {
                // Little-endian: pair k as a ulong is w₁ | w₂ ≪ 32, so random64 & (2⁵³ − 1) = (w₁ & 0x1FFFFF) ≪ 32 | w₂.
                var a = Vector256.Create<ulong>(pairs[i..]);
                var b = Vector256.Create<ulong>(pairs[(i + 4)..]);
                var ua = ((a & mantissa) << 32) | (a >>> 32);
                var ub = ((b & mantissa) << 32) | (b >>> 32);
                var lessA = Vector256.LessThan(ua.AsInt64(), bound.AsInt64()).AsUInt64();
                var lessB = Vector256.LessThan(ub.AsInt64(), bound.AsInt64()).AsUInt64();
                (Vector256.Narrow(lessA, lessB) & keep).CopyTo(output[i..]);
            }

            for (; i < output.Length; i++)
            {
                output[i] = Keep(draws[2 * i], draws[2 * i + 1], limit) ? kept : 0u;
            }
        }

        private static void Temper(ReadOnlySpan<uint> source, Span<uint> target, int start, int count)
        {
            var i = start;
            var end = start + count;
            for (; i + 8 <= end; i += 8)
            {
                var y = Vector256.Create<uint>(source[i..]);
                y ^= y >>> 11;
                y ^= (y << 7) & Vector256.Create(0x9d2c5680u);
                y ^= (y << 15) & Vector256.Create(0xefc60000u);
                y ^= y >>> 18;
                y.CopyTo(target[i..]);
            }

            for (; i < end; i++)
            {
                var y = source[i];
                y ^= y >> 11;
                y ^= (y << 7) & 0x9d2c5680u;
                y ^= (y << 15) & 0xefc60000u;
                y ^= y >> 18;
                target[i] = y;
            }
        }

        // state[i] = state[(i + M) mod N] ^ twist(state[i], state[(i + 1) mod N]), i = 0 … N − 1 in order, so reads of
        // indices below i see new words. Vectors of 8 never straddle a wrap: [0, 224) and [232, 616) are vectorised.
        private static void Twist(Span<uint> s)
        {
            TwistRange(s, 0, 224);
            TwistScalar(s, 224, 232);
            TwistRange(s, 232, 616);
            TwistScalar(s, 616, N);
        }

        private static void TwistRange(Span<uint> s, int from, int to)
        {
            var upper = Vector256.Create(0x80000000u);
            var lower = Vector256.Create(0x7fffffffu);
            var matrix = Vector256.Create(0x9908b0dfu);
            var one = Vector256.Create(1u);
            for (var i = from; i < to; i += 8)
            {
                var u = Vector256.Create<uint>(s[i..]);
                var v = Vector256.Create<uint>(s[(i + 1)..]);
                var far = Vector256.Create<uint>(s[((i + M) % N)..]);
                var mixed = (u & upper) | (v & lower);
                var twisted = (mixed >>> 1) ^ (Vector256.Equals(v & one, one) & matrix);
                (far ^ twisted).CopyTo(s[i..]);
            }
        }

        private static void TwistScalar(Span<uint> s, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var u = s[i];
                var v = s[(i + 1) % N];
                var mixed = (u & 0x80000000u) | (v & 0x7fffffffu);
                s[i] = s[(i + M) % N] ^ (mixed >> 1) ^ ((v & 1u) != 0 ? 0x9908b0dfu : 0u);
            }
        }
    }
}
