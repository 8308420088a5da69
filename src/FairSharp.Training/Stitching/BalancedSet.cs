using System.Globalization;

namespace FairSharp.Training.Stitching;

/// <summary>
/// The group-balanced fine-tuning set of TFS / FDR (tfs.md §7): in the pool, split the rows into the (y, group) cells,
/// let m = the smallest cell size, and draw m rows from every cell without replacement in a seeded order, giving
/// 2·G·m rows (4m for two groups). Rows are listed cell by cell ((y, g) in the TFS code's order for two groups:
/// (1, 1), (0, 0), (0, 1), (1, 0)); the trainer shuffles every epoch.
/// </summary>
/// <param name="Rows">Indices into the pool of the drawn rows.</param>
/// <param name="PerCell">m, the rows taken from every cell.</param>
/// <param name="Cells">Every cell with its size in the pool.</param>
public sealed record BalancedSet(int[] Rows, int PerCell, IReadOnlyList<BalancedCell> Cells)
{
    /// <summary>Error text: a (y, group) cell of the pool is empty (format: y, group name, pool).</summary>
    public const string EmptyCell = "the balanced fine-tuning set needs rows with y = {0} in group '{1}', but {2} has none";

    /// <summary>Draws the set from a pool given by its labels and groups.</summary>
    /// <param name="labels">y of every pool row.</param>
    /// <param name="groups">Group index of every pool row.</param>
    /// <param name="groupNames">Group names (their count is G).</param>
    /// <param name="seed">Seed of the draw.</param>
    /// <param name="poolName">Name of the pool for error texts (<c>train+val</c>, <c>train</c>).</param>
    /// <exception cref="InvalidInputException">A cell is empty.</exception>
    public static BalancedSet Draw(IReadOnlyList<int> labels, IReadOnlyList<int> groups, IReadOnlyList<string> groupNames, int seed, string poolName)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(groupNames);
        var order = CellOrder(groupNames.Count);
        var members = order.ToDictionary(c => c, _ => new List<int>());
        for (var i = 0; i < labels.Count; i++)
        {
            members[(labels[i], groups[i])].Add(i);
        }

        foreach (var cell in order)
        {
            if (members[cell].Count == 0)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, EmptyCell, cell.Label, groupNames[cell.Group], poolName));
            }
        }

        var m = order.Min(c => members[c].Count);
        var random = new Random(seed);
        var rows = new List<int>(m * order.Count);
        var cells = new List<BalancedCell>(order.Count);
        foreach (var cell in order)
        {
            var candidates = members[cell].ToArray();
            random.Shuffle(candidates);
            rows.AddRange(candidates.Take(m));
            cells.Add(new BalancedCell(cell.Label, cell.Group, candidates.Length, m));
        }

        return new BalancedSet(rows.ToArray(), m, cells);
    }

    private static List<(int Label, int Group)> CellOrder(int groupCount)
    {
        if (groupCount == 2)
        {
            return [(1, 1), (0, 0), (0, 1), (1, 0)];
        }

        var result = new List<(int, int)>();
        for (var y = 0; y < 2; y++)
        {
            for (var g = 0; g < groupCount; g++)
            {
                result.Add((y, g));
            }
        }

        return result;
    }
}
