namespace FairSharp.Data.Catalogue;

/// <summary>Finds the folder that holds the bundled datasets.</summary>
public static class DataDirectory
{
    /// <summary>Environment variable that names the data folder when no option does.</summary>
    public const string EnvironmentVariable = "FAIRSHARP_DATA";

    /// <summary>Error text when the data folder cannot be found.</summary>
    public const string NotFoundMessage =
        "cannot find the bundled data folder (looked for data/adult/adult.data above the current directory and the program); pass --data-dir or set FAIRSHARP_DATA";

    /// <summary>Error text when an explicit data folder does not exist; {0} is the path.</summary>
    public const string ExplicitMissingMessage = "data folder does not exist: {0}";

    private const string Marker = "adult/adult.data";

    /// <summary>
    /// The data folder: <paramref name="explicitPath"/> when given, else <see cref="EnvironmentVariable"/>,
    /// else the first <c>data/</c> folder holding <c>adult/adult.data</c> found walking up from the current directory,
    /// then from the program's own folder.
    /// </summary>
    /// <exception cref="InvalidInputException">No such folder.</exception>
    public static string Locate(string? explicitPath = null)
    {
        var given = string.IsNullOrWhiteSpace(explicitPath) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : explicitPath;
        if (!string.IsNullOrWhiteSpace(given))
        {
            var full = Path.GetFullPath(given);
            return Directory.Exists(full) ? full : throw new InvalidInputException(string.Format(ExplicitMissingMessage, full));
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, Marker)))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidInputException(NotFoundMessage);
    }
}
