namespace FairSharp.Data.Tests;

/// <summary>Counts over all three splits of a prepared dataset.</summary>
internal static class Prepared
{
    public static DataSplit[] Splits(PreparedDataset d) => [d.Train, d.Validation, d.Test];

    public static int Rows(PreparedDataset d) => Splits(d).Sum(s => s.Count);

    public static int Positives(PreparedDataset d) => Splits(d).Sum(s => s.Labels.Sum());

    public static int InGroup(PreparedDataset d, int group) => Splits(d).Sum(s => s.Groups.Count(g => g == group));

    public static int Cell(PreparedDataset d, int group, int label) =>
        Splits(d).Sum(s => s.Groups.Where((g, i) => g == group && s.Labels[i] == label).Count());
}
