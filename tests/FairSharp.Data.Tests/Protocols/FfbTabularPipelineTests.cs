namespace FairSharp.Data.Tests.Protocols;

public sealed class FfbTabularPipelineTests
{
    [Fact]
    public void The_same_seed_gives_the_same_ffb_split_and_another_seed_another()
    {
        var a = DatasetLoader.Prepare(new DataRequest("german", ["age"], Seed: 4));
        var b = DatasetLoader.Prepare(new DataRequest("german", ["age"], Seed: 4));
        var c = DatasetLoader.Prepare(new DataRequest("german", ["age"], Seed: 5));
        a.Train.Features.ShouldBe(b.Train.Features);
        a.Test.Groups.ShouldBe(b.Test.Groups);
        a.Train.Features.SequenceEqual(c.Train.Features).ShouldBeFalse();
        a.DataSha256.ShouldBe("b21f3d81db8071257d5ff1deaeba1fd4303b62712e6fcc9715c7a86202cb5871");
    }

    [Fact]
    public void Numerics_are_standardised_on_train_and_come_before_the_one_hot_columns()
    {
        var d = DatasetLoader.Prepare(new DataRequest("german", ["sex"], Seed: 0));
        d.FeatureNames.Take(6).ShouldBe(["month", "credit_amount", "investment_as_income_percentage", "residence_since", "number_of_credits", "people_liable_for"]);
        d.FeatureNames.ShouldContain("age_>25");
        d.FeatureNames.ShouldNotContain(n => n.StartsWith("sex", StringComparison.Ordinal));
        var width = d.Train.RowSize;
        var month = Enumerable.Range(0, d.Train.Count).Select(r => (double)d.Train.Features[r * width]).ToArray();
        month.Average().ShouldBe(0, 1e-5);
        Math.Sqrt(month.Select(v => v * v).Average()).ShouldBe(1, 1e-4);
        var oneHot = Enumerable.Range(0, d.Test.Count).Select(r => d.Test.Features.AsSpan((r * width) + 6, width - 6).ToArray().Sum()).Distinct().ToArray();
        oneHot.ShouldBe([13f]); // 13 categorical columns (12 of FFB + age), one 1 each
    }
}
