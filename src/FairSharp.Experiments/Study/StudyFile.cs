using System.Text.Json;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Study;

/// <summary><c>study.json</c> in a study folder: the options it was planned with (tiny, seeds), so that the report can be
/// regenerated and a resume with other options is refused instead of mixing two studies.</summary>
/// <param name="Format">File format version (1).</param>
/// <param name="Tiny">The CI version.</param>
/// <param name="Seeds">The seeds override, or null.</param>
public sealed record StudyFile(int Format, bool Tiny, int? Seeds)
{
    /// <summary>File name inside the study folder.</summary>
    public const string FileName = "study.json";

    /// <summary>Writes the options into <paramref name="directory"/>, or checks they are the ones already there.</summary>
    public static void WriteOrCheck(string directory, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(directory, FileName);
        var file = new StudyFile(1, options.Tiny, options.Seeds);
        if (File.Exists(path))
        {
            var existing = Read(directory);
            if (existing != file)
            {
                throw new InvalidInputException(SweepOptions.Format(StudyErrors.OtherOptions, directory,
                    $"tiny {existing.Tiny} → {file.Tiny}, seeds {existing.Seeds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "study's"} → {file.Seeds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "study's"}"));
            }

            return;
        }

        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(file, SweepJson.Indented) + "\n");
    }

    /// <summary>Reads <c>study.json</c> of <paramref name="directory"/>.</summary>
    public static StudyFile Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(SweepOptions.Format(StudyErrors.NoStudy, directory));
        }

        try
        {
            return JsonSerializer.Deserialize<StudyFile>(File.ReadAllText(path), SweepJson.Indented) is { Format: 1 } file
                ? file
                : throw new InvalidInputException(SweepOptions.Format(StudyErrors.BadStudyFile, path, "unknown format"));
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(SweepOptions.Format(StudyErrors.BadStudyFile, path, Training.Runs.JsonProblem.Describe(e)), e);
        }
    }
}
