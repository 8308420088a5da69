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

    /// <summary>{0} the first length, {1} the second.</summary>
    public const string CorrelationLengths = "rank correlation needs paired values: {0} x values but {1} y (or z) values";

    /// <summary>{0} the number of pairs.</summary>
    public const string CorrelationTooFew = "rank correlation needs at least 3 pairs, got {0}";

    /// <summary>{0} the variable (x, y or z), {1} the row, {2} the value.</summary>
    public const string CorrelationNotFinite = "rank correlation: {0}[{1}] is {2}; every value must be a finite number";

    /// <summary>{0} the variable (x, y or z), {1} the number of values, {2} the value.</summary>
    public const string CorrelationConstant = "rank correlation: all {1} values of {0} equal {2}; a constant variable has no ranks to correlate";

    /// <summary>{0} the resamples.</summary>
    public const string CorrelationResamples = "rank correlation bootstrap needs at least 100 resamples, got {0}";

    /// <summary>{0} the confidence level.</summary>
    public const string CorrelationConfidence = "rank correlation confidence level must be in (0, 1), got {0}";
}
