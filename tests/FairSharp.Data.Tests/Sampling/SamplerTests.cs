using FsCheck.Xunit;

namespace FairSharp.Data.Tests.Sampling;

public sealed class SamplerTests
{
    // 10 rows: groups 0,0,0,0,1,1,1,1,1,1; labels alternate.
    private static readonly DataSplit Split = new(
        "train", new float[10], [1], [0, 1, 0, 1, 0, 1, 0, 1, 0, 1], [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);

    private static readonly string[] Groups = ["g=0", "g=1"];

    [Fact]
    public void Shuffled_batches_cover_every_row_once_and_drop_the_last_incomplete_batch()
    {
        var sampler = new ShuffledBatchSampler(10, 3, seed: 4);
        var batches = sampler.Epoch(0).ToArray();
        sampler.BatchesPerEpoch.ShouldBe(3);
        batches.Length.ShouldBe(3);
        batches.ShouldAllBe(b => b.Length == 3);
        batches.SelectMany(b => b).Distinct().Count().ShouldBe(9);
        new ShuffledBatchSampler(10, 3, seed: 4, dropLast: false).Epoch(0).Last().Length.ShouldBe(1);
    }

    [Fact]
    public void The_same_seed_and_epoch_repeat_and_a_new_epoch_reshuffles()
    {
        var a = new ShuffledBatchSampler(100, 10, seed: 1);
        var b = new ShuffledBatchSampler(100, 10, seed: 1);
        a.Epoch(3).SelectMany(x => x).ShouldBe(b.Epoch(3).SelectMany(x => x));
        a.Epoch(3).SelectMany(x => x).SequenceEqual(a.Epoch(4).SelectMany(x => x)).ShouldBeFalse();
        new ShuffledBatchSampler(100, 10, seed: 2).Epoch(3).SelectMany(x => x).SequenceEqual(a.Epoch(3).SelectMany(x => x)).ShouldBeFalse();
    }

    [Fact]
    public void Group_stratified_batches_take_the_same_count_from_each_group_and_the_smallest_sets_the_epoch()
    {
        var sampler = new GroupStratifiedSampler(Split, Groups, 2, seed: 0);
        sampler.BatchesPerEpoch.ShouldBe(2); // group 0 has 4 rows → 2 batches of 2
        var batches = sampler.StratifiedEpoch(0).ToArray();
        batches.Length.ShouldBe(2);
        foreach (var b in batches)
        {
            b[0].ShouldAllBe(r => Split.Groups[r] == 0);
            b[1].ShouldAllBe(r => Split.Groups[r] == 1);
        }

        batches.SelectMany(b => b[0]).Distinct().Count().ShouldBe(4);
        sampler.Epoch(0).First().ShouldBe(batches[0][0].Concat(batches[0][1]));
    }

    [Fact]
    public void Group_label_strata_are_ordered_a_then_y_and_the_smallest_cell_sets_the_epoch()
    {
        var sampler = new GroupLabelStratifiedSampler(Split, Groups, 1, seed: 3);
        sampler.Strata.ShouldBe(["g=0|y=0", "g=0|y=1", "g=1|y=0", "g=1|y=1"]);
        sampler.BatchesPerEpoch.ShouldBe(2);
        foreach (var b in sampler.StratifiedEpoch(1))
        {
            for (var s = 0; s < 4; s++)
            {
                b[s].ShouldAllBe(r => (Split.Groups[r] * 2) + Split.Labels[r] == s);
            }
        }
    }

    [Fact]
    public void Fixed_iterations_draw_fresh_batches_without_replacement()
    {
        var sampler = new GroupStratifiedSampler(Split, Groups, 3, seed: 9, iterationsPerEpoch: 50);
        var batches = sampler.StratifiedEpoch(0).ToArray();
        batches.Length.ShouldBe(50);
        batches.ShouldAllBe(b => b[0].Distinct().Count() == 3 && b[1].Distinct().Count() == 3);
        batches.Select(b => string.Join(",", b[1].Order())).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Bad_sizes_are_refused_with_constant_texts()
    {
        Should.Throw<InvalidInputException>(() => new ShuffledBatchSampler(400, 1024, 0)).Message
            .ShouldBe(string.Format(DataErrors.BatchLargerThanData, 1024, 400));
        Should.Throw<InvalidInputException>(() => new ShuffledBatchSampler(10, 0, 0)).Message
            .ShouldBe(string.Format(DataErrors.BadBatchSize, 0));
        Should.Throw<InvalidInputException>(() => new GroupLabelStratifiedSampler(Split, Groups, 3, 0)).Message
            .ShouldBe(string.Format(DataErrors.StratumTooSmall, "g=0|y=0", 2, 3));
        Should.Throw<InvalidInputException>(() => new GroupStratifiedSampler(Split, Groups, 1, 0, iterationsPerEpoch: 0)).Message
            .ShouldBe(string.Format(DataErrors.BadIterations, 0));
    }

    [Property(MaxTest = 50)]
    public bool Every_shuffled_epoch_is_a_partition_of_its_batches(int seed, int epoch, byte rows, byte batch)
    {
        var n = rows + 1;
        var size = (batch % n) + 1;
        var indices = new ShuffledBatchSampler(n, size, seed, dropLast: false).Epoch(Math.Abs(epoch % 100)).SelectMany(b => b).Order().ToArray();
        return indices.SequenceEqual(Enumerable.Range(0, n));
    }
}
