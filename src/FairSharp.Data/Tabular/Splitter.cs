namespace FairSharp.Data.Tabular;

/// <summary>Seeded splits of row indices: stratified by a key, or plain shuffled.</summary>
internal static class Splitter
{
    /// <summary>
    /// Splits rows 0..n−1 into (train, validation, test) with the fractions, separately within every stratum (rows with
    /// the same key), so each split keeps the strata's proportions; each split is shuffled. Same seed, same split.
    /// </summary>
    public static (int[] Train, int[] Validation, int[] Test) Stratified(int[] keys, (double Train, double Validation, double Test) fractions, int seed)
    {
        var rng = new Random(seed);
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        foreach (var stratum in Enumerable.Range(0, keys.Length).GroupBy(i => keys[i]).OrderBy(g => g.Key))
        {
            var rows = stratum.ToArray();
            rng.Shuffle(rows);
            var nTrain = (int)Math.Round(rows.Length * fractions.Train, MidpointRounding.AwayFromZero);
            var nValidation = Math.Min(rows.Length - nTrain, (int)Math.Round(rows.Length * fractions.Validation, MidpointRounding.AwayFromZero));
            train.AddRange(rows.AsSpan(0, nTrain));
            validation.AddRange(rows.AsSpan(nTrain, nValidation));
            test.AddRange(rows.AsSpan(nTrain + nValidation));
        }

        var result = (train.ToArray(), validation.ToArray(), test.ToArray());
        rng.Shuffle(result.Item1);
        rng.Shuffle(result.Item2);
        rng.Shuffle(result.Item3);
        return result;
    }

    /// <summary>A seeded permutation of 0..n−1.</summary>
    public static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
