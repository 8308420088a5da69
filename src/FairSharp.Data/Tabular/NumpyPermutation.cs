namespace FairSharp.Data.Tabular;

/// <summary>
/// numpy's legacy <c>np.random.seed(seed); np.random.permutation(n)</c>, bit for bit: MT19937 seeded with
/// <c>init_genrand(seed)</c>, then <c>RandomState.shuffle</c> of 0..n−1 (Fisher–Yates from the end, each index drawn by
/// <c>random_interval</c>: 32-bit outputs masked to the smallest 2^k − 1 ≥ i, redrawn while above i). aif360's
/// <c>split(shuffle=True, seed=s)</c> draws exactly this, so the Fair Mixup protocol can use the authors' own splits.
/// </summary>
internal static class NumpyPermutation
{
    private const int N = 624;
    private const int M = 397;

    public static int[] Of(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var mt = new uint[N];
        mt[0] = (uint)seed;
        for (var i = 1; i < N; i++)
        {
            mt[i] = unchecked((1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30))) + (uint)i);
        }

        var position = N;
        uint Next()
        {
            if (position >= N)
            {
                Twist(mt);
                position = 0;
            }

            var y = mt[position++];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680u;
            y ^= (y << 15) & 0xefc60000u;
            return y ^ (y >> 18);
        }

        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var mask = (uint)i;
            mask |= mask >> 1;
            mask |= mask >> 2;
            mask |= mask >> 4;
            mask |= mask >> 8;
            mask |= mask >> 16;
            uint j;
            do
            {
                j = Next() & mask;
            }
            while (j > (uint)i);

            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static void Twist(uint[] mt)
    {
        static uint Mix(uint upper, uint lower, uint far)
        {
            var y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
            return far ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }

        for (var k = 0; k < N - 1; k++)
        {
            mt[k] = Mix(mt[k], mt[k + 1], mt[(k + M) % N]);
        }

        mt[N - 1] = Mix(mt[N - 1], mt[0], mt[M - 1]);
    }
}
