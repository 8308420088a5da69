namespace FairSharp.Experiments.Analysis;

/// <summary>The one-line error texts of the analysis (format strings; asserted exactly in tests).</summary>
public static class AnalysisErrors
{
    /// <summary>{0} the value.</summary>
    public const string BadTolerance = "--utility-tolerance must be a finite number ≥ 0, got {0}";

    /// <summary>{0} the metric key, {1} the keys found.</summary>
    public const string UnknownMetric = "metric '{0}' is not in the trial results (found: {1})";

    /// <summary>No finished trial.</summary>
    public const string NoFinishedTrials = "no trial finished successfully: nothing to summarise (see the error column of trials.jsonl)";
}
