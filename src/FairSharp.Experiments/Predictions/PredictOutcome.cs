namespace FairSharp.Experiments.Predictions;

/// <summary>What <c>fairsharp predict</c> did.</summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="Columns">Output columns, in order.</param>
/// <param name="Threshold">Threshold of <c>prediction</c> (score &gt;= threshold).</param>
/// <param name="Positives">Rows predicted 1.</param>
/// <param name="Unseen">Per categorical column, rows with a category unseen in training (all-zero one-hot).</param>
public sealed record PredictOutcome(int Rows, IReadOnlyList<string> Columns, double Threshold, int Positives, IReadOnlyDictionary<string, int> Unseen)
{
    /// <summary>For a post-processed model: the rule in words (constraint, seed) that replaced the threshold; else null.</summary>
    public string? Rule { get; init; }
}
