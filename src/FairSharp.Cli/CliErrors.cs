namespace FairSharp.Cli;

/// <summary>The one-line error texts of the CLI (format strings, asserted exactly in tests): one class for the
/// assembly, grouped by the command or check that raises them.</summary>
internal static class CliErrors
{
    // Input files (every command that reads a user's file).
    /// <summary>{0} file.</summary>
    public const string FileNotFound = "{0}: file not found";

    /// <summary>{0} path.</summary>
    public const string IsFolder = "{0}: is a folder, not a file";

    /// <summary>{0} file, {1} why.</summary>
    public const string Unreadable = "{0}: cannot read the file ({1})";

    /// <summary>{0} file, {1} size, {2} bytes, {3} the limit, {4} its bytes.</summary>
    public const string TooLarge = "{0}: the file is {1} ({2} bytes); at most {3} ({4} bytes) can be read";

    /// <summary>{0} file, {1} line, {2} byte offset in the file.</summary>
    public const string NotUtf8 = "{0}, line {1}: byte {2} is not UTF-8 (save the file as UTF-8, or give its encoding, e.g. --encoding latin1)";

    /// <summary>{0} file, {1} line.</summary>
    public const string NulBytes = "{0}, line {1}: NUL bytes, as in UTF-16 without a byte-order mark (give --encoding utf-16 or save the file as UTF-8)";

    /// <summary>{0} the name given.</summary>
    public const string UnknownEncoding = "unknown --encoding '{0}' (e.g. utf-8, utf-16, utf-16be, latin1, windows-1252)";

    /// <summary>{0} file, {1} line, {2} column, {3} the problem.</summary>
    public const string BadCsv = "{0}, line {1}, column {2}: {3}";

    /// <summary>{0} file, {1} line, {2} the problem.</summary>
    public const string BadCsvLine = "{0}, line {1}: {2}";

    /// <summary>{0} file, {1} column, {2} first position, {3} second position (1-based).</summary>
    public const string DuplicateColumn = "{0}: column '{1}' appears twice in the header (columns {2} and {3}); rename one";

    // Output locations ({0} is the option).
    /// <summary>{0} option.</summary>
    public const string OutputEmpty = "{0} is empty: give a folder path";

    /// <summary>{0} option, {1} path.</summary>
    public const string OutputIsFile = "{0} '{1}' is a file, not a folder";

    /// <summary>{0} option, {1} path.</summary>
    public const string OutputIsFolder = "{0} '{1}' is a folder, not a file";

    /// <summary>{0} option, {1} path, {2} the file on the way.</summary>
    public const string OutputUnderFile = "{0} '{1}': '{2}' is a file, so no folder can be made under it";

    /// <summary>{0} option, {1} path, {2} the folder that refused, {3} why.</summary>
    public const string OutputNotWritable = "{0} '{1}': cannot create files in '{2}' ({3})";

    /// <summary>{0} option, {1} path.</summary>
    public const string OutputNotEmpty = "{0} '{1}' already exists and is not empty (choose another {0} or remove it)";

    // fairsharp audit.
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

    // List options.
    /// <summary>{0} option, {1} token.</summary>
    public const string NotAnInteger = "{0}: '{1}' is not an integer";

    /// <summary>{0} option, {1} position (1-based), {2} the text.</summary>
    public const string EmptyItem = "{0}: item {1} of '{2}' is empty";

    // fairsharp report.
    /// <summary>Several folders without --out.</summary>
    public const string OutRequired = "--out is required when --in names several folders (the merged sweep is written there)";

    // Usage: a misspelt command or option names the closest valid one.
    /// <summary>Error text: unknown command (format: token, closest command, all commands).</summary>
    public const string UnknownCommand = "unknown command '{0}'; did you mean '{1}'? (commands: {2})";

    /// <summary>Error text: unknown option (format: token, command path, closest option).</summary>
    public const string UnknownOption = "unknown option '{0}' for '{1}'; did you mean '{2}'? (see 'fairsharp {1} --help')";
}
