namespace FairSharp.Metrics.Tests;

public sealed class GroupLabelsTests
{
    [Fact]
    public void One_column_gives_its_sorted_distinct_values()
    {
        var g = GroupLabels.FromColumn(["b", "a", "c", "a"], "race");
        g.Names.ShouldBe(["a", "b", "c"]);
        g.Codes.ToArray().ShouldBe([1, 0, 2, 0]);
        g.RowCounts.ShouldBe([2, 1, 1]);
        g.Features.ShouldBe(["race"]);
        g.EmptyGroups.ShouldBeEmpty();
    }

    [Fact]
    public void Numbers_sort_numerically()
    {
        GroupLabels.FromColumn(["10", "2", "1"]).Names.ShouldBe(["1", "2", "10"]);
    }

    [Fact]
    public void Several_columns_give_every_combination_with_empty_ones_reported()
    {
        var g = GroupLabels.FromColumns(["sex", "race"], [new[] { "F", "M", "M" }, new[] { "x", "x", "y" }]);
        g.Names.ShouldBe(["F, x", "F, y", "M, x", "M, y"]);
        g.Codes.ToArray().ShouldBe([0, 2, 3]);
        g.EmptyGroups.ShouldBe(["F, y"]);
    }

    [Fact]
    public void Multi_valued_attributes_are_supported()
    {
        var g = GroupLabels.FromColumn(["White", "Black", "Asian", "Other", "White"]);
        g.Count.ShouldBe(4);
    }

    [Fact]
    public void Bad_groups_are_refused_with_constant_texts()
    {
        Should.Throw<InvalidInputException>(() => GroupLabels.FromCodes([0, 3], ["a", "b"])).Message.ShouldBe("group at row 1 is 3; codes must be in [0, 2)");
        Should.Throw<InvalidInputException>(() => GroupLabels.FromCodes([0], [])).Message.ShouldBe(MetricErrors.NoGroups);
        Should.Throw<InvalidInputException>(() => GroupLabels.FromColumns([], [])).Message.ShouldBe(MetricErrors.NoSensitiveFeatures);
        Should.Throw<InvalidInputException>(() => GroupLabels.FromColumns(["a", "b"], [new[] { "x" }, new[] { "x", "y" }])).Message
            .ShouldBe("b has 2 rows, expected 1");
    }
}
