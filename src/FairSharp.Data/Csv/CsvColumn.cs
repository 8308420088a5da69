namespace FairSharp.Data.Csv;

/// <summary>One dictionary-encoded column: distinct values in order of first appearance, and a code per row.</summary>
internal sealed class CsvColumn(string name)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private int[] _codes = new int[1024];

    public string Name { get; } = name;

    /// <summary>Distinct values, by code.</summary>
    public List<string> Values { get; } = [];

    /// <summary>Rows added.</summary>
    public int Count { get; private set; }

    /// <summary>The code of row <paramref name="row"/>.</summary>
    public int this[int row] => _codes[row];

    /// <summary>The value of row <paramref name="row"/>.</summary>
    public string Value(int row) => Values[_codes[row]];

    /// <summary>For each code: true when the value is one of <paramref name="missing"/>.</summary>
    public bool[] MissingCodes(IReadOnlyList<string> missing) =>
        Values.Select(v => missing.Contains(v, StringComparer.Ordinal)).ToArray();

    public void Add(string value)
    {
        if (!_index.TryGetValue(value, out var code))
        {
            code = Values.Count;
            _index[value] = code;
            Values.Add(value);
        }

        if (Count == _codes.Length)
        {
            Array.Resize(ref _codes, _codes.Length * 2);
        }

        _codes[Count++] = code;
    }

    /// <summary>The first row whose code is <paramref name="code"/> (for error messages).</summary>
    public int FirstRow(int code)
    {
        for (var r = 0; r < Count; r++)
        {
            if (_codes[r] == code)
            {
                return r;
            }
        }

        return -1;
    }
}
