using System.Globalization;

namespace FairSharp.Data;

/// <summary>
/// The engine of the stratified samplers. Without a fixed iteration count, each stratum is shuffled once per epoch and
/// cut into drop-last batches; the epoch has as many batches as the smallest stratum gives (FAIRER's loaders). With
/// one, every iteration draws a fresh batch per stratum without replacement (Fair Mixup's Adult sampler).
/// </summary>
internal sealed class StrataSampling
{
    private readonly int[][] _strata;
    private readonly int _batch;
    private readonly int _seed;
    private readonly int? _iterations;

    public StrataSampling(int[] keys, IReadOnlyList<string> names, int batch, int seed, int? iterations)
    {
        if (batch < 1)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadBatchSize, batch));
        }

        if (iterations is < 1)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadIterations, iterations));
        }

        var lists = names.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            lists[keys[i]].Add(i);
        }

        _strata = lists.Select(l => l.ToArray()).ToArray();
        for (var s = 0; s < _strata.Length; s++)
        {
            if (_strata[s].Length < batch)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.StratumTooSmall, names[s], _strata[s].Length, batch));
            }
        }

        Names = names;
        _batch = batch;
        _seed = seed;
        _iterations = iterations;
    }

    public IReadOnlyList<string> Names { get; }

    public int Batch => _batch;

    public int BatchesPerEpoch => _iterations ?? _strata.Min(s => s.Length / _batch);

    public IEnumerable<int[][]> Epoch(int epoch)
    {
        var rng = EpochSeed.For(_seed, epoch);
        if (_iterations is null)
        {
            var shuffled = _strata.Select(s =>
            {
                var copy = s.ToArray();
                rng.Shuffle(copy);
                return copy;
            }).ToArray();
            for (var t = 0; t < BatchesPerEpoch; t++)
            {
                yield return shuffled.Select(s => s[(t * _batch)..((t + 1) * _batch)]).ToArray();
            }

            yield break;
        }

        var pools = _strata.Select(s => s.ToArray()).ToArray();
        for (var t = 0; t < _iterations; t++)
        {
            var batch = new int[pools.Length][];
            for (var s = 0; s < pools.Length; s++)
            {
                // Partial Fisher–Yates: the first _batch positions become a uniform draw without replacement.
                var pool = pools[s];
                for (var i = 0; i < _batch; i++)
                {
                    var j = rng.Next(i, pool.Length);
                    (pool[i], pool[j]) = (pool[j], pool[i]);
                }

                batch[s] = pool[.._batch];
            }

            yield return batch;
        }
    }

    public static IEnumerable<int[]> Concatenate(IEnumerable<int[][]> batches) => batches.Select(b => b.SelectMany(x => x).ToArray());
}
