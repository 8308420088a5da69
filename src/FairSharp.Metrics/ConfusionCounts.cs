namespace FairSharp.Metrics;

/// <summary>
/// Weighted binary confusion counts (Σ w per cell) with fairlearn's rates: a rate whose denominator is 0 is 0,
/// as sklearn's <c>confusion_matrix(normalize="true")</c> followed by <c>nan_to_num</c>.
/// </summary>
/// <param name="TruePositives">Σ w over rows with y = pos and ŷ = pos.</param>
/// <param name="FalsePositives">Σ w over rows with y = neg and ŷ = pos.</param>
/// <param name="TrueNegatives">Σ w over rows with y = neg and ŷ = neg.</param>
/// <param name="FalseNegatives">Σ w over rows with y = pos and ŷ = neg.</param>
public readonly record struct ConfusionCounts(double TruePositives, double FalsePositives, double TrueNegatives, double FalseNegatives)
{
    /// <summary>Σ w over rows with y = pos: TP + FN.</summary>
    public double Positives => TruePositives + FalseNegatives;

    /// <summary>Σ w over rows with y = neg: FP + TN.</summary>
    public double Negatives => FalsePositives + TrueNegatives;

    /// <summary>Σ w over all rows.</summary>
    public double Total => Positives + Negatives;

    /// <summary>TPR = TP / (TP + FN); 0 when TP + FN = 0.</summary>
    public double TruePositiveRate => SafeRate(TruePositives, Positives);

    /// <summary>FPR = FP / (FP + TN); 0 when FP + TN = 0.</summary>
    public double FalsePositiveRate => SafeRate(FalsePositives, Negatives);

    /// <summary>TNR = TN / (FP + TN); 0 when FP + TN = 0.</summary>
    public double TrueNegativeRate => SafeRate(TrueNegatives, Negatives);

    /// <summary>FNR = FN / (TP + FN); 0 when TP + FN = 0.</summary>
    public double FalseNegativeRate => SafeRate(FalseNegatives, Positives);

    /// <summary>Selection rate (TP + FP) / total; NaN when the total is 0.</summary>
    public double SelectionRate => (TruePositives + FalsePositives) / Total;

    /// <summary>Accuracy (TP + TN) / total; NaN when the total is 0.</summary>
    public double Accuracy => (TruePositives + TrueNegatives) / Total;

    /// <summary>
    /// sklearn balanced accuracy: the mean recall over the classes present in y, i.e. ½(TPR + TNR) when both
    /// classes are present, the present class's recall otherwise; NaN when there are no rows.
    /// </summary>
    public double BalancedAccuracy => (Positives > 0, Negatives > 0) switch
    {
        (true, true) => (TruePositiveRate + TrueNegativeRate) / 2,
        (true, false) => TruePositiveRate,
        (false, true) => TrueNegativeRate,
        _ => double.NaN,
    };

    /// <summary>Adds two sets of counts cell by cell.</summary>
    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives,
            a.TrueNegatives + b.TrueNegatives, a.FalseNegatives + b.FalseNegatives);

    /// <summary>Adds two sets of counts cell by cell (named alternative of <c>+</c>).</summary>
    public static ConfusionCounts Add(ConfusionCounts a, ConfusionCounts b) => a + b;

    private static double SafeRate(double numerator, double denominator) => denominator == 0 ? 0.0 : numerator / denominator;
}
