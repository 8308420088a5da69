using FairSharp.Data;
using FairSharp.Training.Models;
using FairSharp.Training.Stitching;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

/// <summary>Small seeded backbones and their caches for the stitching tests.</summary>
internal static class StitchFixture
{
    public static FairNetwork Mlp(int seed = 5, int features = 6, double dropout = 0.3)
    {
        manual_seed(seed);
        return new ModelSpec(ModelSpec.MlpName, [features], [12, 10, 8], dropout).Build();
    }

    public static FairNetwork Cnn(int seed = 6)
    {
        manual_seed(seed);
        return new ModelSpec(ModelSpec.SmallCnnName, [3, 8, 8], [4, 6, 10], 0.2).Build();
    }

    public static PreparedDataset Images(int rows = 48, int seed = 3)
    {
        DataSplit Split(string name, int n, int s)
        {
            var random = new Random(s);
            var x = new float[n * 3 * 8 * 8];
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = (float)((random.NextDouble() * 2) - 1);
            }

            var y = Enumerable.Range(0, n).Select(i => (i / 2) % 2).ToArray();
            var g = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
            return new DataSplit(name, x, [3, 8, 8], y, g);
        }

        return new PreparedDataset("images", "tfs", ["s"], ["s=0", "s=1"], [], Split("train", rows, seed), Split("validation", rows / 2, seed + 1),
            Split("test", rows / 2, seed + 2), "0000", seed);
    }

    /// <summary>Balanced fine-tuning tensors from a cache (train + validation pooled).</summary>
    public static StitchTrainingData TrainingData(FeatureCache cache, IReadOnlyList<string> groupNames, int seed)
    {
        using var scope = NewDisposeScope();
        var pool = cat([cache.Train.Features, cache.Validation.Features], 0);
        var labels = cache.Train.Labels.Concat(cache.Validation.Labels).ToArray();
        var groups = cache.Train.Groups.Concat(cache.Validation.Groups).ToArray();
        var set = BalancedSet.Draw(labels, groups, groupNames, seed, "train+val");
        var data = StitchTrainingData.Build(pool, labels, groups, set, cache.Validation, cache.Test, groupNames);
        data.X.MoveToOuterDisposeScope();
        data.Y.MoveToOuterDisposeScope();
        data.A.MoveToOuterDisposeScope();
        return data;
    }
}
