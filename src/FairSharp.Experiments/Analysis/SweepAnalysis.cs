namespace FairSharp.Experiments.Analysis;

/// <summary>Everything a report shows about a sweep: the curves, their comparisons and the verdict in words.</summary>
/// <param name="Options">The analysis options used.</param>
/// <param name="UtilityKey">Utility metric key.</param>
/// <param name="GapKey">Fairness-gap metric key.</param>
/// <param name="Reference">Reference point of the hypervolume.</param>
/// <param name="ReferenceFromData">True when the reference point is the sweep's nadir (not given by the user).</param>
/// <param name="Curves">One per method (and stitch option), in plan order.</param>
/// <param name="Comparisons">The best curve against each other curve.</param>
/// <param name="Verdict">Plain-language sentences: which method dominates, and with what confidence.</param>
/// <param name="Trials">Trials in the plan.</param>
/// <param name="Finished">Trials with a record (any status).</param>
/// <param name="Failed">Trials that failed or diverged.</param>
/// <param name="Groups">Group names seen in the per-group metrics.</param>
public sealed record SweepAnalysis(
    AnalysisOptions Options,
    string UtilityKey,
    string GapKey,
    TradeoffCoordinates Reference,
    bool ReferenceFromData,
    IReadOnlyList<CurveResult> Curves,
    IReadOnlyList<CurveComparison> Comparisons,
    IReadOnlyList<string> Verdict,
    int Trials,
    int Finished,
    int Failed,
    IReadOnlyList<string> Groups);
