using System.Text.Json;
using FairSharp.Data;

namespace FairSharp.Experiments.Trials;

/// <summary>
/// The datasets a persistent worker has prepared, keyed by the full data request (dataset, sensitive attributes,
/// protocol, seed, folders, split options; for a user's CSV its column options) and the data's hash (a CSV's sha256,
/// so a file changed under the same name is prepared again), so that the trials of one seed and protocol load and encode their data
/// once per worker. Prepared datasets are plain arrays that training only reads. Holds at most
/// <see cref="Capacity"/> datasets and drops the least recently used one beyond that.
/// </summary>
public sealed class PreparedDataCache
{
    private readonly LinkedList<(string Key, PreparedDataset Data)> _entries = new();
    private readonly object _gate = new();

    /// <summary>A cache of at most <paramref name="capacity"/> datasets.</summary>
    public PreparedDataCache(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most datasets kept.</summary>
    public int Capacity { get; }

    /// <summary>Requests answered from memory.</summary>
    public int Hits { get; private set; }

    /// <summary>Requests that prepared their dataset.</summary>
    public int Misses { get; private set; }

    /// <summary>The prepared dataset of <paramref name="request"/> whose data has hash <paramref name="dataSha256"/>
    /// (null for a catalogue dataset, whose files the loader checks against the catalogue), prepared by
    /// <paramref name="prepare"/> the first time.</summary>
    public PreparedDataset GetOrPrepare(DataRequest request, string? dataSha256, Func<DataRequest, PreparedDataset> prepare)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(prepare);
        var key = JsonSerializer.Serialize(request) + "|" + dataSha256;
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    Hits++;
                    return node.Value.Data;
                }
            }

            var data = prepare(request);
            Misses++;
            _entries.AddFirst((key, data));
            if (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }

            return data;
        }
    }
}
