namespace FairSharp.Data.Tests.Summary;

public sealed class DatasetSummaryTests
{
    [Fact]
    public void Counts_rows_positives_groups_and_cells_per_split()
    {
        var split = new DataSplit("train", new float[5], [1], [1, 0, 1, 1, 0], [0, 0, 1, 1, 1]);
        var s = SplitSummary.Of(split, 2);
        s.Rows.ShouldBe(5);
        s.Positives.ShouldBe(3);
        s.PositiveRate.ShouldBe(0.6);
        s.GroupRows.ShouldBe([2, 3]);
        s.Cells[0].ShouldBe([1, 1]);
        s.Cells[1].ShouldBe([1, 2]);
    }

    [Fact]
    public void Summarises_german_under_ffb()
    {
        var summary = DatasetSummary.Of(DatasetLoader.Prepare(new DataRequest("german", ["sex", "age"], Seed: 2)));
        summary.TotalRows.ShouldBe(1_000);
        summary.Splits.Select(s => s.Rows).ShouldBe([400, 300, 300]);
        summary.Splits.Sum(s => s.Positives).ShouldBe(700);
        summary.GroupNames.ShouldBe(["sex=female,age=<=25", "sex=female,age=>25", "sex=male,age=<=25", "sex=male,age=>25"]);
        summary.Splits.Sum(s => s.GroupRows[2] + s.GroupRows[3]).ShouldBe(690);
        summary.Splits.Sum(s => s.GroupRows[1] + s.GroupRows[3]).ShouldBe(810);
        summary.Title.ShouldBe("German credit (UCI Statlog)");
    }
}
