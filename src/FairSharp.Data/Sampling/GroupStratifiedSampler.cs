namespace FairSharp.Data;

/// <summary>
/// Per-group stratified batches (FAIRER / Fair Mixup, DP mode): every batch holds <see cref="BatchPerStratum"/> rows
/// of each group. Without <c>iterationsPerEpoch</c> the smallest group sets the epoch length (each group shuffled
/// once per epoch, drop-last); with it, each iteration draws a fresh batch per group without replacement (Fair Mixup's
/// Adult sampler: 500 per group, 100 iterations).
/// </summary>
public sealed class GroupStratifiedSampler : IStratifiedBatchSampler
{
    private readonly StrataSampling _sampling;

    /// <summary>Creates the sampler over the rows of <paramref name="split"/>.</summary>
    /// <param name="split">The split whose <see cref="DataSplit.Groups"/> define the strata.</param>
    /// <param name="groupNames">Name of each group (<see cref="PreparedDataset.GroupNames"/>).</param>
    /// <param name="batchPerGroup">Rows per group per batch.</param>
    /// <param name="seed">Seed; epoch e uses a generator derived from (seed, e).</param>
    /// <param name="iterationsPerEpoch">Null = smallest group sets the epoch; else this many fresh draws.</param>
    /// <exception cref="InvalidInputException">A group with fewer rows than <paramref name="batchPerGroup"/>, or a bad size.</exception>
    public GroupStratifiedSampler(DataSplit split, IReadOnlyList<string> groupNames, int batchPerGroup, int seed, int? iterationsPerEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(groupNames);
        _sampling = new StrataSampling(split.Groups, groupNames, batchPerGroup, seed, iterationsPerEpoch);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Strata => _sampling.Names;

    /// <inheritdoc/>
    public int BatchPerStratum => _sampling.Batch;

    /// <inheritdoc/>
    public int BatchesPerEpoch => _sampling.BatchesPerEpoch;

    /// <inheritdoc/>
    public IEnumerable<int[][]> StratifiedEpoch(int epoch) => _sampling.Epoch(epoch);

    /// <inheritdoc/>
    public IEnumerable<int[]> Epoch(int epoch) => StrataSampling.Concatenate(_sampling.Epoch(epoch));
}
