namespace FairSharp.Cli.Commands;

/// <summary>Error texts of <c>fairsharp report</c>.</summary>
internal static class ReportErrors
{
    /// <summary>Several folders without --out.</summary>
    public const string OutRequired = "--out is required when --in names several folders (the merged sweep is written there)";
}
