using FairSharp.Training.Stitching;

namespace FairSharp.Training.Tests.Stitching;

public sealed class BalancedSetTests
{
    private static (int[] Labels, int[] Groups) Pool()
    {
        // cell sizes: (y0,g0) 30, (y1,g0) 12, (y0,g1) 7, (y1,g1) 25
        var labels = new List<int>();
        var groups = new List<int>();
        void Add(int y, int g, int n)
        {
            for (var i = 0; i < n; i++)
            {
                labels.Add(y);
                groups.Add(g);
            }
        }

        Add(0, 0, 30);
        Add(1, 1, 25);
        Add(1, 0, 12);
        Add(0, 1, 7);
        var order = Enumerable.Range(0, labels.Count).ToArray();
        new Random(1).Shuffle(order);
        return (order.Select(i => labels[i]).ToArray(), order.Select(i => groups[i]).ToArray());
    }

    [Fact]
    public void Has_exactly_4m_rows_with_m_per_cell()
    {
        var (labels, groups) = Pool();
        var set = BalancedSet.Draw(labels, groups, ["a", "b"], 7, "train+val");
        set.PerCell.ShouldBe(7);
        set.Rows.Length.ShouldBe(28);
        set.Rows.Distinct().Count().ShouldBe(28);
        foreach (var (y, g) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
        {
            set.Rows.Count(r => labels[r] == y && groups[r] == g).ShouldBe(7);
        }

        set.Cells.Select(c => (c.Label, c.Group, c.Available, c.Taken))
            .ShouldBe([(1, 1, 25, 7), (0, 0, 30, 7), (0, 1, 7, 7), (1, 0, 12, 7)]);
    }

    [Fact]
    public void The_draw_is_seeded()
    {
        var (labels, groups) = Pool();
        var a = BalancedSet.Draw(labels, groups, ["a", "b"], 7, "p").Rows;
        BalancedSet.Draw(labels, groups, ["a", "b"], 7, "p").Rows.ShouldBe(a);
        BalancedSet.Draw(labels, groups, ["a", "b"], 8, "p").Rows.ShouldNotBe(a);
    }

    [Fact]
    public void An_empty_cell_is_bad_input()
    {
        var ex = Should.Throw<InvalidInputException>(() => BalancedSet.Draw([0, 1, 1], [0, 0, 1], ["sex=F", "sex=M"], 0, "train"));
        ex.Message.ShouldBe(string.Format(BalancedSet.EmptyCell, 0, "sex=M", "train"));
        ex.Message.ShouldBe("the balanced fine-tuning set needs rows with y = 0 in group 'sex=M', but train has none");
    }
}
