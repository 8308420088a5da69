namespace FairSharp.Experiments.Analysis;

/// <summary>One point of a method's trade-off curve: a λ (and stitch option), summarised over its seeds.</summary>
/// <param name="Curve">Curve name (method and stitch options).</param>
/// <param name="Method">Method name.</param>
/// <param name="Lambda">Fairness weight λ.</param>
/// <param name="Utility">The utility metric over seeds.</param>
/// <param name="Gap">The fairness-gap metric over seeds.</param>
/// <param name="Metrics">Every test metric over seeds, by key.</param>
/// <param name="ByGroup">Per-group metrics, averaged over seeds: group → key → mean.</param>
/// <param name="Seeds">Seeds whose trial finished ok.</param>
/// <param name="Failed">Trials of this point that failed or diverged.</param>
/// <param name="OnFront">True when the point is on its curve's Pareto front.</param>
/// <param name="DegenerateSeeds">Finished seeds whose classifier was flagged degenerate (collapsed to one class for a
/// group or overall): their gap can look fair without being so.</param>
public sealed record TradeoffPoint(
    string Curve,
    string Method,
    double Lambda,
    Estimate Utility,
    Estimate Gap,
    IReadOnlyDictionary<string, Estimate> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByGroup,
    IReadOnlyList<int> Seeds,
    int Failed,
    bool OnFront,
    int DegenerateSeeds)
{
    /// <summary>Finished seeds whose utility or gap is NaN or ±∞: left out of the means and intervals, so the point
    /// rests on fewer seeds than <see cref="Seeds"/> says.</summary>
    public int NonFiniteSeeds { get; init; }

    /// <summary>The mean point in the trade-off plane.</summary>
    public TradeoffCoordinates Coordinates => new(Utility.Mean, Gap.Mean);
}
