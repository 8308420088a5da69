namespace FairSharp.Data;

/// <summary>Yields the mini-batches of one epoch as arrays of row indices into a <see cref="DataSplit"/>.</summary>
/// <remarks>Seeded from the sampler's seed and the epoch number: the same (seed, epoch) gives the same batches.</remarks>
public interface IBatchSampler
{
    /// <summary>Number of batches every epoch yields.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based).</summary>
    IEnumerable<int[]> Epoch(int epoch);
}

/// <summary>A sampler whose batches hold the same number of rows from every stratum.</summary>
/// <remarks><see cref="IBatchSampler.Epoch"/> yields each batch as the strata's parts concatenated in stratum order.</remarks>
public interface IStratifiedBatchSampler : IBatchSampler
{
    /// <summary>Display name of each stratum, in order.</summary>
    IReadOnlyList<string> Strata { get; }

    /// <summary>Rows drawn from each stratum per batch.</summary>
    int BatchPerStratum { get; }

    /// <summary>The batches of epoch <paramref name="epoch"/>, each as one index array per stratum.</summary>
    IEnumerable<int[][]> StratifiedEpoch(int epoch);
}
