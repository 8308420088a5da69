using System.Globalization;

namespace FairSharp.Data;

/// <summary>Plain shuffled mini-batches (FFB's <c>DataLoader(shuffle=True, drop_last=True)</c>): every epoch a new
/// seeded permutation cut into batches.</summary>
public sealed class ShuffledBatchSampler : IBatchSampler
{
    private readonly int _count;
    private readonly int _batchSize;
    private readonly int _seed;
    private readonly bool _dropLast;

    /// <summary>Creates the sampler for <paramref name="count"/> rows.</summary>
    /// <param name="count">Rows in the split.</param>
    /// <param name="batchSize">Rows per batch.</param>
    /// <param name="seed">Seed; epoch e uses a generator derived from (seed, e).</param>
    /// <param name="dropLast">Drop the last incomplete batch (default true, as FFB).</param>
    /// <exception cref="InvalidInputException">Batch size below 1, or larger than the data with <paramref name="dropLast"/>.</exception>
    public ShuffledBatchSampler(int count, int batchSize, int seed, bool dropLast = true)
    {
        if (batchSize < 1)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadBatchSize, batchSize));
        }

        if (dropLast && batchSize > count)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BatchLargerThanData, batchSize, count));
        }

        _count = count;
        _batchSize = batchSize;
        _seed = seed;
        _dropLast = dropLast;
    }

    /// <inheritdoc/>
    public int BatchesPerEpoch => _dropLast ? _count / _batchSize : (_count + _batchSize - 1) / _batchSize;

    /// <inheritdoc/>
    public IEnumerable<int[]> Epoch(int epoch)
    {
        var order = Enumerable.Range(0, _count).ToArray();
        EpochSeed.For(_seed, epoch).Shuffle(order);
        for (var b = 0; b < BatchesPerEpoch; b++)
        {
            var start = b * _batchSize;
            yield return order[start..Math.Min(_count, start + _batchSize)];
        }
    }
}
