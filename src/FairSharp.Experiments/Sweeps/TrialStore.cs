using System.Text;
using System.Text.Json;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// <c>trials.jsonl</c>: one JSON line per finished trial. Each append is one write of a complete line followed by a
/// flush to disk, so a kill leaves at most one truncated last line; the next append starts on a fresh line, and
/// reading ignores lines that are not complete records. A trial id present in the file is finished (resume skips it,
/// unless a retry of failed trials was asked for: then a later line of the same id replaces a failed one).
/// </summary>
public sealed class TrialStore
{
    /// <summary>File name inside the sweep folder.</summary>
    public const string FileName = "trials.jsonl";

    private readonly object _gate = new();

    /// <summary>The store of the sweep folder <paramref name="directory"/>.</summary>
    public TrialStore(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        FilePath = Path.Combine(directory, FileName);
    }

    /// <summary>Full path of <c>trials.jsonl</c>.</summary>
    public string FilePath { get; }

    /// <summary>Reads every complete record and folds them into the current record of each id (a retry replaces a
    /// failed or diverged record, see <see cref="TrialHistory"/>); a missing file reads as empty. A line cut short by
    /// a kill is skipped and counted; any other line that is not a record is refused, since silently dropping it
    /// would re-run or lose a finished trial.</summary>
    /// <exception cref="InvalidInputException">A line is not a trial record (<see cref="ExperimentErrors.BadTrialLine"/>).</exception>
    public TrialStoreContent Read()
    {
        if (!File.Exists(FilePath))
        {
            return new TrialStoreContent([], 0, 0);
        }

        var text = Encoding.UTF8.GetString(File.ReadAllBytes(FilePath));
        var history = new TrialHistory();
        var ignored = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var record = TryParse(line);
            if (record is null)
            {
                ignored += TrialLine.IsCutShort(line)
                    ? 1
                    : throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.BadTrialLine, FilePath, i + 1, TrialLine.Problem(line)));
            }
            else
            {
                history.Add(record);
            }
        }

        return new TrialStoreContent(history.Current, ignored, history.Duplicates) { Superseded = history.Superseded };
    }

    /// <summary>Appends one record as one complete line, then flushes it to disk. Thread-safe.</summary>
    public void Append(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Serialize(record);
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var stream = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var prefix = string.Empty;
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                if (stream.ReadByte() != '\n')
                {
                    prefix = "\n";
                }
            }

            stream.Seek(0, SeekOrigin.End);
            stream.Write(Encoding.UTF8.GetBytes(prefix + line + "\n"));
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The one-line JSON of a record (no line break inside).</summary>
    public static string Serialize(TrialRecord record) => JsonSerializer.Serialize(record, SweepJson.Canonical);

    /// <summary>Parses one line; null when it is not a complete, consistent record (e.g. truncated by a kill).</summary>
    public static TrialRecord? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            var record = JsonSerializer.Deserialize<TrialRecord>(line, SweepJson.Canonical);
            if (record?.Config is null || record.Metrics is null || record.ByGroup is null || record.Timings is null
                || record.Id != record.Config.Id)
            {
                return null;
            }

            // Derived from the metrics, so always recomputed: records written before the flag existed get it too.
            return record with { Degenerate = record.Degenerate ?? [], NonFiniteMetrics = TrialRecord.NonFinite(record.Metrics) };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
