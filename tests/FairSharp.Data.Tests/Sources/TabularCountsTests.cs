using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests.Sources;

/// <summary>Row counts and class/group balances of datasets.md, reproduced through the ffb protocol.</summary>
public sealed class TabularCountsTests
{
    private static PreparedDataset Load(string dataset, params string[] sensitive) =>
        DatasetLoader.Prepare(new DataRequest(dataset, sensitive, FfbProtocol.ProtocolName, Seed: 1));

    [Fact]
    public void Adult_keeps_45222_rows_after_dropping_question_marks_with_the_documented_cells()
    {
        var d = Load("adult", "sex");
        Prepared.Rows(d).ShouldBe(45_222);
        Prepared.Positives(d).ShouldBe(11_208);
        Prepared.InGroup(d, 1).ShouldBe(30_527);
        Prepared.InGroup(d, 0).ShouldBe(14_695);
        Prepared.Cell(d, 1, 0).ShouldBe(20_988);
        Prepared.Cell(d, 0, 0).ShouldBe(13_026);
        Prepared.Cell(d, 1, 1).ShouldBe(9_539);
        Prepared.Cell(d, 0, 1).ShouldBe(1_669);
        d.FeatureNames.Count.ShouldBe(101);
        d.GroupNames.ShouldBe(["sex=Female", "sex=Male"]);
    }

    [Fact]
    public void Adult_race_keeps_only_white_and_black_rows()
    {
        var d = Load("adult", "race");
        var all = Load("adult", "sex");
        Prepared.Rows(d).ShouldBeLessThan(Prepared.Rows(all));
        d.GroupNames.ShouldBe(["race=Black", "race=White"]);
        d.FeatureNames.ShouldContain("sex_Male");
        d.FeatureNames.ShouldNotContain(n => n.StartsWith("race_", StringComparison.Ordinal));
        Prepared.InGroup(d, 1).ShouldBeGreaterThan(Prepared.InGroup(d, 0) * 5);
    }

    [Fact]
    public void Compas_keeps_6172_rows_after_the_propublica_filter()
    {
        var d = Load("compas", "sex");
        Prepared.Rows(d).ShouldBe(6_172);
        Prepared.Positives(d).ShouldBe(2_809);
        Prepared.InGroup(d, 1).ShouldBe(4_997);
        Prepared.InGroup(d, 0).ShouldBe(1_175);
        var race = Load("compas", "race");
        Prepared.InGroup(race, 1).ShouldBe(2_103);
        race.FeatureNames.ShouldContain("sex_Male");
    }

    [Fact]
    public void German_has_700_good_and_300_bad_with_the_documented_sex_and_age_groups()
    {
        var d = Load("german", "sex");
        Prepared.Rows(d).ShouldBe(1_000);
        Prepared.Positives(d).ShouldBe(700);
        Prepared.InGroup(d, 1).ShouldBe(690);
        Prepared.InGroup(Load("german", "age"), 1).ShouldBe(810);
        d.Train.Count.ShouldBe(400);
        d.Validation.Count.ShouldBe(300);
        d.Test.Count.ShouldBe(300);
    }

    [Fact]
    public void Bank_has_41188_rows_with_4640_yes_and_age_removed_from_the_inputs()
    {
        var d = Load("bank", "age");
        Prepared.Rows(d).ShouldBe(41_188);
        Prepared.Positives(d).ShouldBe(4_640);
        Prepared.InGroup(d, 1).ShouldBe(40_120);
        d.FeatureNames.ShouldNotContain("age");
        d.FeatureNames.ShouldContain("duration");
    }

    [Fact]
    public void Credit_has_6636_defaults_and_18112_women()
    {
        var d = Load("credit", "sex");
        Prepared.Rows(d).ShouldBe(30_000);
        Prepared.Positives(d).ShouldBe(6_636);
        Prepared.InGroup(d, 1).ShouldBe(18_112);
        Prepared.InGroup(Load("credit", "age"), 0).ShouldBe(2_685);
        d.FeatureNames.ShouldNotContain("ID");
        d.FeatureNames.ShouldNotContain(n => n.StartsWith("SEX", StringComparison.Ordinal));
    }

    [Fact]
    public void Acs_income_ct_keeps_19810_rows_after_the_acsincome_filter()
    {
        var d = Load("acs-income-ct", "sex");
        Prepared.Rows(d).ShouldBe(19_810);
        Prepared.Positives(d).ShouldBe(9_979);
        Prepared.InGroup(d, 0).ShouldBe(10_064);
        Prepared.InGroup(d, 1).ShouldBe(9_746);
    }
}
