namespace FairSharp.Cli.Safety;

/// <summary>One-line error texts of the output-location check (format strings, asserted exactly in tests).</summary>
internal static class OutputErrors
{
    /// <summary>{0} option.</summary>
    public const string Empty = "{0} is empty: give a folder path";

    /// <summary>{0} option, {1} path.</summary>
    public const string IsFile = "{0} '{1}' is a file, not a folder";

    /// <summary>{0} option, {1} path.</summary>
    public const string IsFolder = "{0} '{1}' is a folder, not a file";

    /// <summary>{0} option, {1} path, {2} the file on the way.</summary>
    public const string UnderFile = "{0} '{1}': '{2}' is a file, so no folder can be made under it";

    /// <summary>{0} option, {1} path, {2} the folder that refused, {3} why.</summary>
    public const string NotWritable = "{0} '{1}': cannot create files in '{2}' ({3})";

    /// <summary>{0} option, {1} path.</summary>
    public const string NotEmpty = "{0} '{1}' already exists and is not empty (choose another {0} or remove it)";
}
