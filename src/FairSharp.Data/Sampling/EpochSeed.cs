namespace FairSharp.Data;

/// <summary>Derives the random generator of one epoch from a sampler's seed (stable across runs and platforms).</summary>
internal static class EpochSeed
{
    public static Random For(int seed, int epoch) => new(unchecked((seed * 1_000_003) + (epoch * 7_919) + 17));
}
