using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FairSharp.Training.Runs;

/// <summary>
/// Names of the temporary files and folders that atomic writes fill before renaming them into place:
/// <c>.NAME.tmp-PID-GUID</c>, hidden, beside the target. A process killed mid-write leaves one behind; the name
/// carries the writer's process id, so the next write into the same folder removes every one whose writer is gone
/// (and a person can tell what it is and delete it).
/// </summary>
public static partial class TemporaryNames
{
    /// <summary>A fresh temporary name for <paramref name="fullPath"/>, in the same folder.</summary>
    public static string For(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        return Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
            $".{Path.GetFileName(fullPath)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}"));
    }

    /// <summary>Deletes the temporaries in <paramref name="folder"/> left by processes that no longer run.</summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveLeftovers(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, ".*.tmp-*"))
        {
            var match = Pattern().Match(Path.GetFileName(entry));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }

                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run removed it first, or it is not ours to remove: leave it.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.tmp-(\d+)-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
