namespace FairSharp.Data.Tests;

/// <summary>
/// A fact that reads the team's research-only data in <c>../shared/data</c> beside the repository (UTKFace, the
/// original COMPAS file): it runs where that folder is (CI puts it beside the clone) and is reported as skipped, with
/// the path it looked for, on a machine that has only the repository, so README's test command holds there.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Needs <c>shared/data/<paramref name="relativePath"/></c> in a folder above the test's base directory.</summary>
    public SharedDataFactAttribute(string relativePath)
    {
        if (Find(relativePath) is null)
        {
            Skip = $"needs shared/data/{relativePath} beside the repository (research-only data, never bundled)";
        }
    }

    /// <summary>The full path of <c>shared/data/<paramref name="relativePath"/></c> in the nearest folder above the
    /// test's base directory that has it, or null.</summary>
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
