using System.CommandLine;

namespace FairSharp.Cli.Commands;

/// <summary>Options shared by several commands, so that they are spelled and described once.</summary>
internal static class CommonOptions
{
    /// <summary><c>--data-dir</c>: the folder of bundled datasets (default: found from the current directory).</summary>
    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = "Folder holding the bundled datasets (default: the repository's data/ folder, found from the current directory; or FAIRSHARP_DATA).",
    };

    /// <summary><c>--data</c> of the commands that re-read a model's data (rationale, stitch).</summary>
    public static Option<string?> ModelDataFile() => new("--data")
    {
        Description = "For a model trained with --data: its CSV, when it moved from the path recorded in preprocessing.json (the sha256 must match).",
    };

    /// <summary><c>--out</c> of the commands that train a model (train, stitch).</summary>
    public static Option<string> ModelOutput() => new("--out")
    {
        Description = "Output folder for result.json, model.bin and manifest.json (must be new or empty).",
        Required = true,
    };

    /// <summary>Error/exit text of a diverged train or stitch run (format: the run's message, the result path).</summary>
    public const string Diverged = "{0}; {1} records the status";
}
