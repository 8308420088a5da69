using FairSharp.Data;

namespace FairSharp.Training.Tests;

/// <summary>Small seeded synthetic datasets: y depends on the features, the group is correlated with y and a feature.</summary>
internal static class Synthetic
{
    public static DataSplit Split(string name, int rows, int features, int seed, int groupCount = 2)
    {
        var random = new Random(seed);
        var x = new float[rows * features];
        var y = new int[rows];
        var g = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            g[i] = i % groupCount;
            double score = 0;
            for (var j = 0; j < features; j++)
            {
                var v = (float)(random.NextDouble() * 2 - 1) + (j == 0 ? 0.6f * g[i] : 0f);
                x[(i * features) + j] = v;
                score += (j % 2 == 0 ? 1.5 : -1.0) * v;
            }

            y[i] = score + (0.3 * (random.NextDouble() - 0.5)) > 0.2 ? 1 : 0;
        }

        return new DataSplit(name, x, [features], y, g);
    }

    public static PreparedDataset Dataset(int trainRows = 240, int features = 6, int seed = 11, int groupCount = 2)
    {
        var names = Enumerable.Range(0, groupCount).Select(i => $"s={i}").ToArray();
        return new PreparedDataset(
            "synthetic", "ffb", ["s"], names, Enumerable.Range(0, features).Select(i => $"f{i}").ToArray(),
            Split("train", trainRows, features, seed, groupCount),
            Split("validation", trainRows / 2, features, seed + 1, groupCount),
            Split("test", trainRows / 2, features, seed + 2, groupCount),
            "0000", seed);
    }
}
