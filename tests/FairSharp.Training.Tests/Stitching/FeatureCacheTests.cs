using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class FeatureCacheTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "fairsharp-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Caches_the_eval_mode_bottom_of_every_split()
    {
        using var scope = NewDisposeScope();
        var data = Synthetic.Dataset();
        var backbone = StitchFixture.Mlp(dropout: 0.5);
        backbone.train();
        using var cache = FeatureCache.Compute(backbone, 1, data, "hash");
        backbone.training.ShouldBeTrue(); // mode restored
        backbone.eval();
        var expected = backbone.Bottom(1, tensor(data.Validation.Features, [data.Validation.Count, 6]));
        cache.Validation.Features.allclose(expected, 0, 0).ShouldBeTrue();
        cache.Shape.ShouldBe([10]);
        cache.Train.Count.ShouldBe(data.Train.Count);
        cache.Test.Labels.ShouldBe(data.Test.Labels);
        cache.Test.Groups.ShouldBe(data.Test.Groups);
    }

    [Fact]
    public void Round_trips_through_disk_and_is_keyed_by_hash_and_cut()
    {
        using var scope = NewDisposeScope();
        var data = StitchFixture.Images();
        var backbone = StitchFixture.Cnn();
        using var first = FeatureCache.LoadOrCompute(folder, backbone, 1, data, "0123456789abcdef0123");
        first.FromDisk.ShouldBeFalse();
        File.Exists(Path.Combine(folder, "0123456789abcdef-cut1.bin")).ShouldBeTrue();
        Directory.GetFiles(folder).Length.ShouldBe(1); // no temporary file left

        using var second = FeatureCache.LoadOrCompute(folder, backbone, 1, data, "0123456789abcdef0123");
        second.FromDisk.ShouldBeTrue();
        second.Shape.ShouldBe([6, 2, 2]);
        second.Train.Features.allclose(first.Train.Features, 0, 0).ShouldBeTrue();
        second.Test.Features.allclose(first.Test.Features, 0, 0).ShouldBeTrue();

        var path = Path.Combine(folder, FeatureCache.FileName("0123456789abcdef0123", 1));
        FeatureCache.TryLoad(path, "another", 1, [6, 2, 2], data).ShouldBeNull();
        FeatureCache.TryLoad(path, "0123456789abcdef0123", 1, [6, 2, 3], data).ShouldBeNull();
        var otherData = StitchFixture.Images(seed: 4) with { Train = data.Train.Select(Enumerable.Range(0, data.Train.Count).Reverse().ToArray()) };
        FeatureCache.TryLoad(path, "0123456789abcdef0123", 1, [6, 2, 2], otherData).ShouldBeNull();
    }

    [Fact]
    public void A_truncated_file_is_recomputed()
    {
        using var scope = NewDisposeScope();
        var data = Synthetic.Dataset();
        var backbone = StitchFixture.Mlp();
        using (FeatureCache.LoadOrCompute(folder, backbone, 2, data, "feed"))
        {
        }

        var path = Path.Combine(folder, FeatureCache.FileName("feed", 2));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        using var again = FeatureCache.LoadOrCompute(folder, backbone, 2, data, "feed");
        again.FromDisk.ShouldBeFalse();
        File.ReadAllBytes(path).Length.ShouldBe(bytes.Length);
    }
}
