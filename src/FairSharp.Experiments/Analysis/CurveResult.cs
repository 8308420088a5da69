namespace FairSharp.Experiments.Analysis;

/// <summary>A method's trade-off curve: its points, its Pareto front, its hypervolume and its chosen point.</summary>
/// <param name="Curve">Curve name (method and stitch options).</param>
/// <param name="Method">Method name.</param>
/// <param name="Points">Points in increasing λ.</param>
/// <param name="Front">The Pareto-front points, in increasing gap.</param>
/// <param name="Hypervolume">Hypervolume of the front of mean points, with its bootstrap interval over seeds.</param>
/// <param name="Chosen">The chosen point (see <see cref="AnalysisOptions.UtilityTolerance"/>), null when no point finished.</param>
public sealed record CurveResult(
    string Curve,
    string Method,
    IReadOnlyList<TradeoffPoint> Points,
    IReadOnlyList<TradeoffPoint> Front,
    IntervalEstimate Hypervolume,
    TradeoffPoint? Chosen);
