using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests.Protocols;

public sealed class FairMixupProtocolTests
{
    private static readonly string[] Continuous = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

    private static PreparedDataset Load(int seed, bool quirks = true) =>
        DatasetLoader.Prepare(new DataRequest("adult", ["sex"], FairMixupProtocol.ProtocolName, seed) { ReproduceQuirks = quirks });

    [Fact]
    public void Yields_120_inputs_in_the_documented_column_order()
    {
        var d = Load(0);
        d.FeatureNames.Count.ShouldBe(120);
        d.Train.RowSize.ShouldBe(120);
        for (var c = 0; c < 5; c++)
        {
            d.FeatureNames[c * 10].ShouldBe($"{Continuous[c]}#bin0");
            d.FeatureNames[(c * 10) + 9].ShouldBe($"{Continuous[c]}#bin9");
        }

        var binary = d.FeatureNames.Skip(50).Where((_, i) => i % 2 == 0).Select(n => n[..^2]).ToArray();
        binary.Length.ShouldBe(35);
        binary.Count(n => n.StartsWith("workclass_", StringComparison.Ordinal)).ShouldBe(7);
        binary.Count(n => n.StartsWith("marital-status_", StringComparison.Ordinal)).ShouldBe(7);
        binary.Count(n => n.StartsWith("occupation_", StringComparison.Ordinal)).ShouldBe(14);
        binary.Count(n => n.StartsWith("relationship_", StringComparison.Ordinal)).ShouldBe(6);
        binary[0].ShouldBe("workclass_Federal-gov");
        binary[^1].ShouldBe("race_White");
        binary.ShouldNotContain("sex_Male");
        d.FeatureNames[50].ShouldBe("workclass_Federal-gov=0");
        d.FeatureNames[51].ShouldBe("workclass_Federal-gov=1");
    }

    [Fact]
    public void Splits_80_20_then_takes_validation_from_the_head_of_train()
    {
        var d = Load(3);
        (d.Train.Count, d.Validation.Count, d.Test.Count).ShouldBe((27_132, 9_045, 9_045));
        Prepared.InGroup(d, 1).ShouldBe(30_527);
        Prepared.Positives(d).ShouldBe(11_208);
        d.GroupNames.ShouldBe(["sex=Female", "sex=Male"]);
    }

    [Fact]
    public void Every_row_is_one_hot_in_each_of_the_40_features()
    {
        var d = Load(1);
        var bad = 0;
        foreach (var split in Prepared.Splits(d))
        {
            for (var r = 0; r < split.Count; r++)
            {
                var row = split.Features.AsSpan(r * 120, 120);
                for (var c = 0; c < 5; c++)
                {
                    bad += row.Slice(c * 10, 10).Count(1f) == 1 && row.Slice(c * 10, 10).Count(0f) == 9 ? 0 : 1;
                }

                for (var k = 50; k < 120; k += 2)
                {
                    bad += row[k] + row[k + 1] == 1f && (row[k] == 0f || row[k] == 1f) ? 0 : 1;
                }
            }
        }

        bad.ShouldBe(0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var a = Load(5);
        var b = Load(5);
        var c = Load(6);
        a.Train.Features.ShouldBe(b.Train.Features);
        a.Test.Labels.ShouldBe(b.Test.Labels);
        a.Train.Features.SequenceEqual(c.Train.Features).ShouldBeFalse();
    }

    [Fact]
    public void The_quantisation_quirk_changes_only_the_bins_of_the_other_continuous_features()
    {
        var quirk = Load(2, quirks: true);
        var clean = Load(2, quirks: false);
        quirk.Train.Labels.ShouldBe(clean.Train.Labels);
        for (var r = 0; r < 200; r++)
        {
            quirk.Train.Features.AsSpan(r * 120, 10).ToArray().ShouldBe(clean.Train.Features.AsSpan(r * 120, 10).ToArray());
            quirk.Train.Features.AsSpan((r * 120) + 50, 70).ToArray().ShouldBe(clean.Train.Features.AsSpan((r * 120) + 50, 70).ToArray());
        }

        // Clean per-feature deciles spread hours-per-week over several bins; age's edges put most rows elsewhere.
        Histogram(quirk, 4).ShouldNotBe(Histogram(clean, 4));
    }

    [Fact]
    public void Race_as_the_sensitive_attribute_removes_race_white_and_keeps_sex_male()
    {
        var d = DatasetLoader.Prepare(new DataRequest("adult", ["race"], FairMixupProtocol.ProtocolName, 0));
        d.FeatureNames.Count.ShouldBe(120);
        d.FeatureNames.ShouldContain("sex_Male=1");
        d.FeatureNames.ShouldNotContain("race_White=1");
        d.GroupNames.ShouldBe(["race=Black", "race=White"]);
    }

    private static int[] Histogram(PreparedDataset d, int feature)
    {
        var counts = new int[10];
        for (var r = 0; r < d.Train.Count; r++)
        {
            for (var b = 0; b < 10; b++)
            {
                if (d.Train.Features[(r * 120) + (feature * 10) + b] == 1f)
                {
                    counts[b]++;
                }
            }
        }

        return counts;
    }
}
