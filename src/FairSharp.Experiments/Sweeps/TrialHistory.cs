namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// Folds the records of one or more <c>trials.jsonl</c> files, in file order, into one current record per trial id.
/// A record that follows a failed or diverged record of the same id is a retry (<c>--retry-failed</c>): it becomes the
/// current record and the earlier one is kept as history. A record that follows an ok record of the same id is a
/// duplicate (two runs that both finished the trial): the first is kept. Across folders
/// (<see cref="AddFolder"/>) only an ok record replaces a failed one: the same folder given twice is all duplicates.
/// </summary>
public sealed class TrialHistory
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, TrialRecord> _current = new(StringComparer.Ordinal);
    private readonly List<TrialRecord> _superseded = [];

    /// <summary>Records of an id whose current record was already ok (ignored).</summary>
    public int Duplicates { get; private set; }

    /// <summary>The current record of every id, in the order the ids first appeared.</summary>
    public IReadOnlyList<TrialRecord> Current => _order.Select(id => _current[id]).ToArray();

    /// <summary>Earlier attempts that a retry replaced, in file order.</summary>
    public IReadOnlyList<TrialRecord> Superseded => _superseded;

    /// <summary>Adds what another folder's <c>trials.jsonl</c> holds (its own history already folded).</summary>
    public void AddFolder(TrialStoreContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _superseded.AddRange(content.Superseded);
        foreach (var record in content.Records)
        {
            if (!_current.TryGetValue(record.Id, out var existing) || (existing.Status != TrialStatus.Ok && record.Status == TrialStatus.Ok))
            {
                Add(record);
            }
            else
            {
                Duplicates++;
            }
        }
    }

    /// <summary>Adds the next record in file order.</summary>
    public void Add(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_current.TryGetValue(record.Id, out var existing))
        {
            _order.Add(record.Id);
            _current[record.Id] = record;
        }
        else if (existing.Status != TrialStatus.Ok)
        {
            _superseded.Add(existing);
            _current[record.Id] = record;
        }
        else
        {
            Duplicates++;
        }
    }
}
