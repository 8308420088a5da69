namespace FairSharp.Experiments.Analysis;

/// <summary>A point of the trade-off plane: utility (higher is better) and fairness gap (lower is better).</summary>
/// <param name="Utility">Utility, e.g. accuracy, as a fraction.</param>
/// <param name="Gap">Fairness gap, e.g. demographic parity difference, as a fraction.</param>
public readonly record struct TradeoffCoordinates(double Utility, double Gap)
{
    /// <summary>True when both coordinates are finite numbers.</summary>
    public bool IsFinite => double.IsFinite(Utility) && double.IsFinite(Gap);
}
