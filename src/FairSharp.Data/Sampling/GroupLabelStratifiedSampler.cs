namespace FairSharp.Data;

/// <summary>
/// Per-(group, label) stratified batches (FAIRER / Fair Mixup, EO mode): strata (a, y) in the order
/// (0,0), (0,1), (1,0), (1,1), … (index = group·2 + y), each contributing <see cref="BatchPerStratum"/> rows per
/// batch. Without <c>iterationsPerEpoch</c> the smallest stratum sets the epoch length, as in the FAIRER code.
/// </summary>
public sealed class GroupLabelStratifiedSampler : IStratifiedBatchSampler
{
    private readonly StrataSampling _sampling;

    /// <summary>Creates the sampler over the rows of <paramref name="split"/>.</summary>
    /// <param name="split">The split whose groups and labels define the strata.</param>
    /// <param name="groupNames">Name of each group (<see cref="PreparedDataset.GroupNames"/>).</param>
    /// <param name="batchPerStratum">Rows per (group, label) cell per batch.</param>
    /// <param name="seed">Seed; epoch e uses a generator derived from (seed, e).</param>
    /// <param name="iterationsPerEpoch">Null = smallest stratum sets the epoch; else this many fresh draws.</param>
    /// <exception cref="InvalidInputException">A cell with fewer rows than <paramref name="batchPerStratum"/>, or a bad size.</exception>
    public GroupLabelStratifiedSampler(DataSplit split, IReadOnlyList<string> groupNames, int batchPerStratum, int seed, int? iterationsPerEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(groupNames);
        var keys = split.Groups.Select((g, i) => GroupLabelCell.Index(g, split.Labels[i])).ToArray();
        var names = groupNames.SelectMany(g => new[] { $"{g}|y=0", $"{g}|y=1" }).ToArray();
        _sampling = new StrataSampling(keys, names, batchPerStratum, seed, iterationsPerEpoch);
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
