namespace FairSharp.Cli.Audit;

/// <summary>One-line error texts of <c>fairsharp audit</c> (format strings), asserted exactly in tests.</summary>
internal static class AuditErrors
{
    /// <summary>{0} file.</summary>
    public const string FileNotFound = "{0}: file not found";

    /// <summary>{0} file.</summary>
    public const string EmptyFile = "{0}: the file is empty (no header and no rows)";

    /// <summary>{0} file.</summary>
    public const string NoRows = "{0}: the file has a header but no rows";

    /// <summary>{0} file, {1} column, {2} the header's columns.</summary>
    public const string MissingColumn = "{0}: no column '{1}' (columns: {2})";

    /// <summary>{0} file, {1} line, {2} column, {3} value.</summary>
    public const string NotANumber = "{0}, line {1}, column {2}: '{3}' is not a number";

    /// <summary>{0} file, {1} line, {2} column, {3} value.</summary>
    public const string LabelNotBinary = "{0}, line {1}, column {2}: '{3}' is not 0 or 1 (give --pos-label to name the positive class)";

    /// <summary>{0} file, {1} line, {2} column, {3} value.</summary>
    public const string ScoreOutOfRange = "{0}, line {1}, column {2}: score {3} is outside [0, 1]";

    /// <summary>{0} file, {1} line, {2} column, {3} value.</summary>
    public const string InvalidWeight = "{0}, line {1}, column {2}: weight {3} must be finite and >= 0";

    /// <summary>{0} file, {1} line, {2} column.</summary>
    public const string MissingValue = "{0}, line {1}, column {2}: missing value";

    /// <summary>{0} file, {1} column, {2} the only value.</summary>
    public const string OneGroup = "{0}, column {1}: only one group ('{2}'); an audit needs at least two";

    /// <summary>Neither or both prediction options.</summary>
    public const string PredictionChoice = "give exactly one of --y-pred or --score";

    /// <summary>--threshold without --score.</summary>
    public const string ThresholdNeedsScore = "--threshold applies only with --score";

    /// <summary>{0} the format given.</summary>
    public const string UnknownFormat = "unknown --format '{0}' (use json, md or csv)";

    /// <summary>--sensitive without a column name.</summary>
    public const string NoSensitive = "--sensitive needs at least one column name";

    /// <summary>{0} file, {1} the positive label.</summary>
    public const string PosLabelAbsent = "{0}: --pos-label '{1}' does not occur in the y-true column";

    /// <summary>{0} the column.</summary>
    public const string DuplicateSensitive = "--sensitive names column '{0}' twice";

    /// <summary>{0} the value.</summary>
    public const string BadBootstrap = "--bootstrap must be a number of samples >= 0, got {0}";

    /// <summary>{0} file, {1} line, {2} column, {3} value, {4} the separator.</summary>
    public const string SeparatorInValue = "{0}, line {1}, column {2}: value '{3}' contains '{4}', which joins intersectional group names (replace it, e.g. with '/')";

    /// <summary>{0} file, {1} weight column, {2} group, {3} its rows.</summary>
    public const string ZeroWeightGroup = "{0}, column {1}: group '{2}' has {3} row(s) but total weight 0, so none of its rates is defined (drop its rows or give them weight)";

    /// <summary>{0} file, {1} the sensitive columns, {2} group count, {3} distinct values per column, {4} the limit.</summary>
    public const string TooManyGroups = "{0}: --sensitive {1} gives {2} groups ({3}); at most {4} can be audited (use fewer or coarser columns)";

    /// <summary>{0} file, {1} line, {2} encoding name.</summary>
    public const string InvalidBytes = "{0}, line {1}: bytes that are not valid {2} (give the file's --encoding)";
}
