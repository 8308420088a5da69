namespace FairSharp.Cli.Safety;

/// <summary>One-line error texts for input files (format strings, asserted exactly in tests); shared by every
/// command that reads a user's file.</summary>
internal static class InputErrors
{
    /// <summary>{0} file.</summary>
    public const string NotFound = "{0}: file not found";

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
}
