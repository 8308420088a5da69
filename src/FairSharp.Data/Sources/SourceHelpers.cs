using FairSharp.Data.Tabular;

namespace FairSharp.Data.Sources;

/// <summary>Column builders shared by the tabular sources.</summary>
internal static class SourceHelpers
{
    public static InputColumn Numbers(RawTable table, int[] rows, string name)
    {
        var c = table.Index(name);
        return InputColumn.OfNumbers(name, rows.Select(r => table.Number(r, c)).ToArray());
    }

    public static InputColumn Categories(RawTable table, int[] rows, string name)
    {
        var c = table.Index(name);
        return InputColumn.OfCategories(name, rows.Select(r => table[r][c]).ToArray());
    }

    /// <summary>A 0/1 label from two allowed spellings; any other value is an error naming file, line and column.</summary>
    public static int[] Labels(RawTable table, int[] rows, string name, string negative, string positive)
    {
        var c = table.Index(name);
        return rows.Select(r => table[r][c] == positive ? 1 : table[r][c] == negative ? 0 : throw table.Error(DataErrors.UnknownCode, r, c, table[r][c])).ToArray();
    }

    /// <summary>The field as a number, or NaN when it is not one (for row filters that treat a missing value as failing).</summary>
    public static double NumberOrNaN(RawTable table, int row, int column) =>
        double.TryParse(table[row][column], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
