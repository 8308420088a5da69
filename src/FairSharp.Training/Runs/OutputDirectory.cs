using System.Globalization;

namespace FairSharp.Training.Runs;

/// <summary>Writes a run's files into a temporary folder next to the target and renames it into place at the end, so
/// that an error never leaves a half-written output folder.</summary>
public static class OutputDirectory
{
    /// <summary>Error text: the output folder exists and is not empty (format: path).</summary>
    public const string NotEmpty = "output directory '{0}' already exists and is not empty (choose another --out or remove it)";

    /// <summary>Error text: the output path is a file (format: path).</summary>
    public const string IsFile = "output directory '{0}' is a file";

    /// <summary>Throws <see cref="InvalidInputException"/> when <paramref name="target"/> cannot receive a run's output.</summary>
    public static void Check(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var full = Path.GetFullPath(target);
        if (File.Exists(full))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, IsFile, target));
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, NotEmpty, target));
        }
    }

    /// <summary>Runs <paramref name="write"/> on a fresh temporary folder beside <paramref name="target"/>, then
    /// renames it to <paramref name="target"/>; on any error the temporary folder is deleted and nothing is left.</summary>
    public static void WriteAtomically(string target, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Check(target);
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        TemporaryNames.RemoveLeftovers(parent);
        var temp = TemporaryNames.For(full);
        Directory.CreateDirectory(temp);
        try
        {
            write(temp);
            if (Directory.Exists(full))
            {
                Directory.Delete(full);
            }

            Directory.Move(temp, full);
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }
    }
}
