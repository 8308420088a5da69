namespace FairSharp.Data.Tests.Sampling;

public sealed class GroupLabelCellTests
{
    [Fact]
    public void Cells_run_group_major_and_invert_to_their_group_and_label()
    {
        var cells = new List<int>();
        for (var g = 0; g < 3; g++)
        {
            for (var y = 0; y < 2; y++)
            {
                var cell = GroupLabelCell.Index(g, y);
                GroupLabelCell.Group(cell).ShouldBe(g);
                GroupLabelCell.Label(cell).ShouldBe(y);
                cells.Add(cell);
            }
        }

        cells.ShouldBe([0, 1, 2, 3, 4, 5]);
        GroupLabelCell.Count(3).ShouldBe(6);
    }
}
