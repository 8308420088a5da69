using System.Globalization;

namespace FairSharp.Cli.Safety;

/// <summary>
/// The one check every command runs on its output location before doing any work: a run that trains for an hour
/// and then cannot write its result has wasted the hour. It refuses an empty path, a path that is a file or lies under
/// a file, and a location whose nearest existing folder does not accept a new file (read-only file system, missing
/// permission, pseudo file system), by creating and deleting a probe file there; it creates nothing that stays.
/// </summary>
internal static class OutputLocation
{
    /// <summary>For <c>train</c>, <c>stitch</c> and <c>rationale</c>: the folder must be new or empty.</summary>
    public static void CheckNewFolder(string? path, string option = "--out")
    {
        var full = CheckWritable(path, option);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw Error(CliErrors.OutputNotEmpty, option, path!);
        }
    }

    /// <summary>For <c>predict</c> and <c>export</c>: a file (an existing one is replaced) in a folder that takes new
    /// files.</summary>
    public static void CheckFile(string? path, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Error(CliErrors.OutputEmpty, option);
        }

        if (Directory.Exists(path))
        {
            throw Error(CliErrors.OutputIsFolder, option, path);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            // The folder will be created: check its nearest existing ancestor, as for an output folder.
            var existing = folder;
            while (!Directory.Exists(existing))
            {
                if (File.Exists(existing))
                {
                    throw Error(CliErrors.OutputUnderFile, option, path, existing);
                }

                existing = Path.GetDirectoryName(existing) ?? throw Error(CliErrors.OutputNotWritable, option, path, folder, "no existing folder above it");
            }

            folder = existing;
        }

        Probe(folder ?? ".", option, path);
    }

    /// <summary>For <c>sweep</c> and <c>report</c>: the folder may exist (a sweep resumes in it) but must take new files.</summary>
    /// <returns>The full path.</returns>
    public static string CheckWritable(string? path, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Error(CliErrors.OutputEmpty, option);
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Error(CliErrors.OutputNotWritable, option, path, path, "not a valid path");
        }

        if (File.Exists(full))
        {
            throw Error(CliErrors.OutputIsFile, option, path);
        }

        var existing = full;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw Error(CliErrors.OutputUnderFile, option, path, existing);
            }

            existing = Path.GetDirectoryName(existing) ?? throw Error(CliErrors.OutputNotWritable, option, path, full, "no existing folder above it");
        }

        Probe(existing, option, path);
        return full;
    }

    private static void Probe(string folder, string option, string path)
    {
        var probe = Path.Combine(folder, $".fairsharp-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (UnauthorizedAccessException)
        {
            throw Error(CliErrors.OutputNotWritable, option, path, folder, "permission denied");
        }
        catch (IOException e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            throw Error(CliErrors.OutputNotWritable, option, path, folder, "the folder does not take new files");
        }
        catch (IOException e)
        {
            throw Error(CliErrors.OutputNotWritable, option, path, folder, InputFile.Reason(e));
        }
    }

    private static InvalidInputException Error(string format, params object[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));
}
