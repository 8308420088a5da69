namespace FairSharp.Metrics;

/// <summary>Error texts of the metrics layer (fairlearn's own texts where fairlearn has the check). Asserted exactly in tests.</summary>
public static class MetricErrors
{
    /// <summary>fairlearn: <c>selection_rate</c> on empty predictions.</summary>
    public const string EmptySelectionRateInput = "Empty y_pred passed to selection_rate function.";

    /// <summary>fairlearn: more than two distinct label values in y_true ∪ y_pred.</summary>
    public const string TooManyUniqueYValues = "Must have no more than two unique y values";

    /// <summary>fairlearn: labels outside {0, 1} and {−1, 1} without an explicit positive label.</summary>
    public const string RestrictedValuesIfPosLabelNone = "If pos_label is not specified, values must be from {0, 1} or {-1, 1}";

    /// <summary>fairlearn: the positive label does not occur among two distinct label values.</summary>
    public const string NeedPosLabelInYValues = "Must have pos_label in y values";

    /// <summary>fairlearn: invalid equalized-odds aggregation; {0} is the value given.</summary>
    public const string InvalidAggregation = "agg must be one of 'worst_case' or 'mean', got {0}";

    /// <summary>fairlearn: invalid disparity method; {0} is the value given, {1} the call (difference or ratio).</summary>
    public const string InvalidMethod = "Unrecognised method '{0}' in {1}() call";

    /// <summary>Rates on empty input; {0} is the metric name.</summary>
    public const string EmptyInput = "Empty y_true passed to {0} function.";

    /// <summary>Arrays of different lengths; {0} is the argument, {1} its length, {2} the expected length.</summary>
    public const string LengthMismatch = "{0} has {1} rows, expected {2}";

    /// <summary>A sample weight that is negative, NaN or infinite; {0} is the row, {1} the value.</summary>
    public const string InvalidWeight = "sample weight at row {0} is {1}; weights must be finite and >= 0";

    /// <summary>All sample weights are zero.</summary>
    public const string ZeroTotalWeight = "the sample weights sum to 0";

    /// <summary>A label outside {0, 1}; {0} is the row, {1} the value.</summary>
    public const string LabelNotBinary = "y_true at row {0} is {1}; labels must be 0 or 1";

    /// <summary>A score outside [0, 1] or NaN; {0} is the row, {1} the value.</summary>
    public const string ScoreOutOfRange = "score at row {0} is {1}; scores must be probabilities in [0, 1]";

    /// <summary>A group code outside [0, number of group names); {0} is the row, {1} the code, {2} the number of names.</summary>
    public const string GroupOutOfRange = "group at row {0} is {1}; codes must be in [0, {2})";

    /// <summary>No group names were given.</summary>
    public const string NoGroups = "at least one group name is required";

    /// <summary>Two group names are equal; {0} is the name.</summary>
    public const string DuplicateGroupName = "group name '{0}' is given twice";

    /// <summary>No sensitive feature was given.</summary>
    public const string NoSensitiveFeatures = "at least one sensitive feature is required";

    /// <summary>The sensitive feature names and columns differ in number; {0} names, {1} columns.</summary>
    public const string FeatureCountMismatch = "{0} sensitive feature names for {1} columns";

    /// <summary>Empty input to an evaluation.</summary>
    public const string EmptyEvaluation = "no rows to evaluate";

    /// <summary>A threshold outside [0, 1]; {0} is the value.</summary>
    public const string ThresholdOutOfRange = "threshold {0} is outside [0, 1]";

    /// <summary>A bootstrap sample count below 1; {0} is the value.</summary>
    public const string InvalidBootstrapSamples = "n_boot must be at least 1, got {0}";

    /// <summary>A quantile outside [0, 1]; {0} is the value.</summary>
    public const string InvalidQuantile = "ci_quantiles must be in [0, 1], got {0}";

    /// <summary>No quantiles were given.</summary>
    public const string NoQuantiles = "ci_quantiles must not be empty";

    /// <summary>A bootstrap interval was asked of a frame computed without bootstrap.</summary>
    public const string NoBootstrap = "this MetricFrame was computed without bootstrap (give BootstrapOptions)";

    /// <summary>ABROCA grid with fewer than two points; {0} is the value.</summary>
    public const string InvalidGridPoints = "the ABROCA grid needs at least 2 points, got {0}";

    /// <summary>Post-processing: a group without rows in the fitting data; {0} is the group.</summary>
    public const string GroupWithoutRows = "group '{0}' has no rows to choose its thresholds on: every group needs rows of both labels";

    /// <summary>Post-processing (fairlearn: "Degenerate labels for sensitive feature value"); {0} the group, {1} its one
    /// label, {2} its rows.</summary>
    public const string DegenerateGroupLabels = "group '{0}' has only label {1} ({2} rows): choosing its thresholds needs rows of both labels";

    /// <summary>Post-processing: a grid size below 1; {0} is the value.</summary>
    public const string InvalidGridSize = "grid_size must be at least 1, got {0}";

    /// <summary>Post-processing: a NaN or infinite score; {0} is the row, {1} the value.</summary>
    public const string ScoreNotFinite = "score at row {0} is {1}; scores must be finite numbers";

    /// <summary>Post-processing: rows of a group the rules do not know; {0} the group, {1} the known groups.</summary>
    public const string NoGroupRule = "group '{0}' has no thresholds (the post-processed model has: {1})";
}
