namespace FairSharp.Data.Tabular;

/// <summary>One string instance per distinct value of each column: tabular files repeat few values (categories, small
/// integers) many times, so pooling keeps parsing from allocating a string per field.</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>[] _columns;

    public StringPool(int columns) =>
        _columns = Enumerable.Range(0, columns)
            .Select(_ => new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>())
            .ToArray();

    /// <summary>The pooled string equal to <paramref name="value"/>.</summary>
    public string Get(int column, ReadOnlySpan<char> value)
    {
        ref var lookup = ref _columns[column];
        if (lookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var text = value.ToString();
        lookup.Dictionary[text] = text;
        return text;
    }
}
