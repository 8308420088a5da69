namespace FairSharp.Data;

/// <summary>Counts of one split: rows, positives, rows per group and the y × group table.</summary>
/// <param name="Name"><c>train</c>, <c>validation</c> or <c>test</c>.</param>
/// <param name="Rows">Rows in the split.</param>
/// <param name="Positives">Rows with y = 1.</param>
/// <param name="GroupRows">Rows per group index.</param>
/// <param name="Cells">Rows per (group, y): <c>Cells[g][y]</c>.</param>
public sealed record SplitSummary(string Name, int Rows, int Positives, IReadOnlyList<int> GroupRows, IReadOnlyList<IReadOnlyList<int>> Cells)
{
    /// <summary>Share of rows with y = 1, in [0, 1] (0 for an empty split).</summary>
    public double PositiveRate => Rows == 0 ? 0 : (double)Positives / Rows;

    /// <summary>Counts of <paramref name="split"/> with <paramref name="groupCount"/> groups.</summary>
    public static SplitSummary Of(DataSplit split, int groupCount)
    {
        ArgumentNullException.ThrowIfNull(split);
        var cells = new int[groupCount][];
        for (var g = 0; g < groupCount; g++)
        {
            cells[g] = new int[2];
        }

        for (var i = 0; i < split.Count; i++)
        {
            cells[split.Groups[i]][split.Labels[i]]++;
        }

        return new SplitSummary(split.Name, split.Count, split.Labels.Sum(), cells.Select(c => c[0] + c[1]).ToArray(), cells);
    }
}
