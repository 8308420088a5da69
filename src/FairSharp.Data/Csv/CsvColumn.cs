using System.Globalization;

namespace FairSharp.Data.Csv;

/// <summary>One dictionary-encoded column: distinct values in order of first appearance, and a code per row.</summary>
internal sealed class CsvColumn
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private int[] _codes = new int[1024];
    private double[]? _numbers;
    private bool[]? _parsed;

    /// <summary>The column's name is <paramref name="name"/>.</summary>
    public CsvColumn(string name)
        : this(name, new Dictionary<string, int>(StringComparer.Ordinal))
    {
    }

    private CsvColumn(string name, Dictionary<string, int> index)
    {
        Name = name;
        _index = index;
        _spans = index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    /// <summary>Distinct values, by code.</summary>
    public List<string> Values { get; } = [];

    /// <summary>Rows added.</summary>
    public int Count { get; private set; }

    /// <summary>The code of row <paramref name="row"/>.</summary>
    public int this[int row] => _codes[row];

    /// <summary>The value of row <paramref name="row"/>.</summary>
    public string Value(int row) => Values[_codes[row]];

    /// <summary>For each code: true when the value is one of <paramref name="missing"/>.</summary>
    public bool[] MissingCodes(IReadOnlyList<string> missing)
    {
        var markers = new HashSet<string>(missing, StringComparer.Ordinal);
        return Values.Select(markers.Contains).ToArray();
    }

    /// <summary>For each code: the number its value holds (invariant culture) and whether it is one; each distinct
    /// value is parsed once however often type inference, fitting and encoding ask.</summary>
    public (double[] Numbers, bool[] Parsed) Numbers()
    {
        if (_numbers is null || _numbers.Length != Values.Count)
        {
            var numbers = new double[Values.Count];
            var parsed = new bool[Values.Count];
            for (var code = 0; code < numbers.Length; code++)
            {
                parsed[code] = double.TryParse(Values[code], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[code]);
                numbers[code] = parsed[code] ? numbers[code] : double.NaN;
            }

            (_numbers, _parsed) = (numbers, parsed);
        }

        return (_numbers, _parsed!);
    }

    public void Add(string value)
    {
        if (!_index.TryGetValue(value, out var code))
        {
            code = Values.Count;
            _index[value] = code;
            Values.Add(value);
        }

        Append(code);
    }

    /// <summary>Adds a field read from a file: a string is made only for a value not seen before.</summary>
    public void Add(ReadOnlySpan<char> value)
    {
        if (!_spans.TryGetValue(value, out var code))
        {
            var text = value.ToString();
            code = Values.Count;
            _index[text] = code;
            Values.Add(text);
        }

        Append(code);
    }

    private void Append(int code)
    {
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
