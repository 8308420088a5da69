using FairSharp.Training.Runs;

namespace FairSharp.Experiments;

/// <summary>Writes files so that a reader never sees half of one: write a temporary file beside it, then rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="contents"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(path);
        Write(path, temp => File.WriteAllText(temp, contents));
    }

    /// <summary>Lets <paramref name="write"/> fill a temporary file beside <paramref name="path"/>, then moves it
    /// over <paramref name="path"/>; the temporary file is removed when <paramref name="write"/> throws.</summary>
    public static void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        TemporaryNames.RemoveLeftovers(Path.GetDirectoryName(full)!);
        var temp = TemporaryNames.For(full);
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
