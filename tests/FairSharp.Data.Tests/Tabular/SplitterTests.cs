using FairSharp.Data.Tabular;
using FsCheck.Xunit;

namespace FairSharp.Data.Tests.Tabular;

public sealed class SplitterTests
{
    [Fact]
    public void A_stratified_split_keeps_each_strata_proportion_and_uses_every_row_once()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => i < 300 ? 1 : 0).ToArray();
        var (train, validation, test) = Splitter.Stratified(keys, (0.4, 0.3, 0.3), 11);
        (train.Length, validation.Length, test.Length).ShouldBe((400, 300, 300));
        train.Count(i => keys[i] == 1).ShouldBe(120);
        validation.Count(i => keys[i] == 1).ShouldBe(90);
        train.Concat(validation).Concat(test).Order().ShouldBe(Enumerable.Range(0, 1000));
    }

    [Property(MaxTest = 30)]
    public bool The_same_seed_repeats_the_split(int seed)
    {
        var keys = Enumerable.Range(0, 50).Select(i => i % 3).ToArray();
        var a = Splitter.Stratified(keys, (0.6, 0.2, 0.2), seed);
        var b = Splitter.Stratified(keys, (0.6, 0.2, 0.2), seed);
        return a.Train.SequenceEqual(b.Train) && a.Validation.SequenceEqual(b.Validation) && a.Test.SequenceEqual(b.Test);
    }

    [Fact]
    public void Another_seed_gives_another_split()
    {
        var keys = new int[100];
        Splitter.Stratified(keys, (0.5, 0.25, 0.25), 1).Train.SequenceEqual(Splitter.Stratified(keys, (0.5, 0.25, 0.25), 2).Train).ShouldBeFalse();
    }
}
