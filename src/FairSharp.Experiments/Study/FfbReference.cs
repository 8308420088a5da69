namespace FairSharp.Experiments.Study;

/// <summary>
/// FFB's published ERM numbers (Han et al., ICLR 2024, Table 4: mean ± std in % over 10 trials, read from the README's
/// img/table4.png; ../shared/reference/baselines-and-metrics.md §3.1) for the rows the study reproduces. These are the
/// paper's inputs to the comparison, not results of this study.
/// </summary>
public static class FfbReference
{
    /// <summary>Metric keys of the compared columns, in table order (FFB: acc, auc, ap, dp, eodd = |ΔTPR| + |ΔFPR|, eopp).</summary>
    public static IReadOnlyList<(string Column, string Key)> Columns { get; } =
    [
        ("acc", Metrics.MetricKeys.Accuracy), ("auc", Metrics.MetricKeys.RocAuc), ("ap", Metrics.MetricKeys.AveragePrecision),
        ("dp", Metrics.MetricKeys.DemographicParityDifference), ("eodd", Metrics.MetricKeys.EqualizedOddsSum),
        ("eopp", Metrics.MetricKeys.EqualOpportunityDifference),
    ];

    /// <summary>(dataset, attribute) → FFB's (mean, std) per column of <see cref="Columns"/>, in percent.</summary>
    public static IReadOnlyDictionary<(string Dataset, string Sensitive), (double Mean, double Std)[]> Published { get; } =
        new Dictionary<(string, string), (double, double)[]>
        {
            [("adult", "sex")] = [(85.35, 0.34), (91.06, 0.34), (78.50, 0.72), (16.67, 0.69), (14.16, 3.12), (7.93, 2.88)],
            [("compas", "race")] = [(67.13, 1.06), (72.98, 0.59), (68.24, 0.72), (16.83, 3.48), (29.03, 6.66), (20.05, 3.95)],
            [("german", "sex")] = [(75.42, 2.03), (78.55, 1.97), (89.21, 1.06), (7.36, 4.35), (14.45, 11.55), (2.74, 1.76)],
            [("bank", "age")] = [(91.17, 0.57), (94.05, 0.19), (62.41, 1.83), (10.88, 4.27), (10.71, 5.68), (6.16, 4.90)],
        };
}
