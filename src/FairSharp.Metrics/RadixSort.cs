namespace FairSharp.Metrics;

/// <summary>
/// Stable LSD radix sort of 64-bit keys with an int payload (8-bit digits, all histograms in one pass, digits that every
/// key shares are skipped). Used for the one sort behind AP, ROC AUC and ABROCA: O(n) instead of a comparison sort.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 8;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

    /// <summary>Maps a double to a key whose unsigned order is the numeric order (−0.0 and +0.0 map equal).</summary>
    public static ulong Ascending(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value + 0.0);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>The inverse of <see cref="Ascending"/>.</summary>
    public static double FromAscending(ulong key)
    {
        var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }

    /// <summary>Sorts <paramref name="keys"/> ascending, moving <paramref name="payload"/> along; stable.</summary>
    public static void Sort(ulong[] keys, int[] payload)
    {
        var n = keys.Length;
        var counts = new int[Digits * Buckets];
        foreach (var key in keys)
        {
            for (var d = 0; d < Digits; d++)
            {
                counts[d * Buckets + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }

        var keysTemp = new ulong[n];
        var payloadTemp = new int[n];
        var (srcKeys, srcPayload, dstKeys, dstPayload) = (keys, payload, keysTemp, payloadTemp);
        for (var d = 0; d < Digits; d++)
        {
            var histogram = counts.AsSpan(d * Buckets, Buckets);
            if (histogram.Contains(n))
            {
                continue;
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = histogram[b];
                histogram[b] = offset;
                offset += c;
            }

            var shift = d * DigitBits;
            for (var i = 0; i < n; i++)
            {
                var key = srcKeys[i];
                var at = histogram[(int)((key >> shift) & (Buckets - 1))]++;
                dstKeys[at] = key;
                dstPayload[at] = srcPayload[i];
            }

            (srcKeys, srcPayload, dstKeys, dstPayload) = (dstKeys, dstPayload, srcKeys, srcPayload);
        }

        if (!ReferenceEquals(srcKeys, keys))
        {
            Array.Copy(srcKeys, keys, n);
            Array.Copy(srcPayload, payload, n);
        }
    }
}
