namespace FairSharp.Metrics.Tests;

/// <summary>The 71-row arrays of fairlearn's <c>test/unit/metrics/data_for_test.py</c> and the doctest fixture.</summary>
internal static class FairlearnTestData
{
    public static readonly int[] YTrue =
    [
        1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1, 1,
        1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0,
        0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1,
    ];

    public static readonly int[] YPred =
    [
        0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1,
        1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0,
        1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1,
    ];

    public static readonly double[] Weights =
    [
        1, 2, 3, 1, 2, 1, 2, 3, 1, 1, 1, 2, 3, 3, 1, 2, 1, 1, 1, 2, 3,
        2, 2, 1, 2, 1, 3, 1, 3, 1, 4, 1, 2, 1, 3, 2, 3, 3, 4, 1, 4, 1,
        3, 1, 1, 1, 2, 3, 3, 1, 2, 1, 1, 1, 2, 3, 1, 1, 2, 3, 2, 1, 2,
        2, 3, 2, 3, 2, 3, 4, 1,
    ];

    /// <summary>fairlearn's <c>array_gen(groups, run_length, n)</c>.</summary>
    public static string[] ArrayGen(string[] groups, int runLength, int n) =>
        Enumerable.Range(0, n).Select(x => groups[x / runLength % groups.Length]).ToArray();

    public static string[] G1 => ArrayGen(["aa", "ba"], 2, YTrue.Length);

    public static string[] G2 => ArrayGen(["f", "g"], 3, YTrue.Length);

    public static string[] G3 => ArrayGen(["kk", "m"], 4, YTrue.Length);

    public static string[] G4 => ArrayGen(["pp", "q"], 5, YTrue.Length);

    /// <summary>Fixture 1 (common_fairness_metrics.rst doctest).</summary>
    public static readonly int[] DocYTrue = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];

    public static readonly int[] DocYPred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];

    public static readonly string[] DocGroups = ["b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"];
}
