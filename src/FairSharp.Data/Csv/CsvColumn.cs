using System.Globalization;

namespace FairSharp.Data.Csv;

/// <summary>
/// One column of a table, stored one of two ways. <b>Texts</b> (every column at first): the distinct values in order of
/// first appearance and a code per row. <b>Numbers</b>: once a column read from a file holds more than
/// <see cref="TabularSource.MaxCategories"/> distinct values, at most <see cref="MaxTexts"/> of them not numbers, it
/// can only be a numeric input (as a category it would be refused), so each row keeps its number (a double, parsed
/// once from the field's characters, no string made) and only the fields that are not numbers (missing markers, stray
/// text, <c>NaN</c>) stay in the text table, each row holding its code as a tagged NaN. A caller that needs a
/// numbers column's texts (a category, a kept column, a message) asks <see cref="TabularRows"/>, which reads the
/// column again as texts (<see cref="TabularRows.TextColumn"/>).
/// </summary>
internal sealed class CsvColumn
{
    /// <summary>Most distinct non-number texts a column may hold when it turns into numbers.</summary>
    public const int MaxTexts = 1_000;

    // A text row of a numbers column: a quiet NaN whose low 32 bits are the text's code (never a parsed value: a
    // field that parses as NaN is kept as text).
    private const long TextTag = 0x7FF8_0001_0000_0000;

    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private int[] _codes;
    private double[]? _rows;
    private double[]? _numbers;
    private bool[]? _parsed;
    private bool _canTurn;

    /// <summary>A texts column named <paramref name="name"/>; <paramref name="canTurn"/>: it may turn into numbers
    /// (a column read from a file, not forced to texts); room for <paramref name="capacity"/> rows at first.</summary>
    public CsvColumn(string name, bool canTurn = false, int capacity = 0)
    {
        Name = name;
        _canTurn = canTurn;
        _codes = new int[Math.Max(capacity, 1024)];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        _spans = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    /// <summary>Distinct texts, by code: every distinct value of a texts column; the non-number ones of a numbers column.</summary>
    public List<string> Values { get; } = [];

    /// <summary>Rows added.</summary>
    public int Count { get; private set; }

    /// <summary>True when rows hold numbers (<see cref="Number"/>), not codes.</summary>
    public bool IsNumbers => _rows is not null;

    /// <summary>The code of row <paramref name="row"/> of a texts column; in a numbers column, −1 for a number.</summary>
    public int this[int row] => _rows is null ? _codes[row] : TextCode(_rows[row]);

    /// <summary>Row <paramref name="row"/>'s number in a numbers column, or NaN when it holds a text (<see cref="this"/>).</summary>
    public double Number(int row) => _rows![row];

    /// <summary>The value of row <paramref name="row"/> of a texts column.</summary>
    public string Value(int row) => _rows is null
        ? Values[_codes[row]]
        : throw new InvalidOperationException($"column '{Name}' holds numbers; read it as texts (TabularRows.TextColumn)");

    /// <summary>For each code: true when the value is one of <paramref name="missing"/>.</summary>
    public bool[] MissingCodes(IReadOnlyList<string> missing)
    {
        var markers = new HashSet<string>(missing, StringComparer.Ordinal);
        return Values.Select(markers.Contains).ToArray();
    }

    /// <summary>True when every row is missing (<paramref name="isMissing"/> by code); a numbers column has numbers.</summary>
    public bool AllMissing(bool[] isMissing) => !IsNumbers && isMissing.All(m => m);

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

    /// <summary>Adds a value held in memory (never turns the column into numbers).</summary>
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

    /// <summary>Adds a field read from a file: a string is made only for a text not seen before; a numbers column
    /// parses the field in place.</summary>
    public void Add(ReadOnlySpan<char> value)
    {
        if (_rows is not null)
        {
            AddNumber(value);
            return;
        }

        if (!_spans.TryGetValue(value, out var code))
        {
            var text = value.ToString();
            code = Values.Count;
            _index[text] = code;
            Values.Add(text);
            if (_canTurn && code == TabularSource.MaxCategories)
            {
                Append(code);
                TurnIntoNumbers();
                return;
            }
        }

        Append(code);
    }

    /// <summary>The first row whose code is <paramref name="code"/> (for error messages).</summary>
    public int FirstRow(int code)
    {
        for (var r = 0; r < Count; r++)
        {
            if (this[r] == code)
            {
                return r;
            }
        }

        return -1;
    }

    private static bool IsNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value);

    private static int TextCode(double value) =>
        double.IsNaN(value) ? (int)(BitConverter.DoubleToInt64Bits(value) & 0xFFFF_FFFF) : -1;

    private void AddNumber(ReadOnlySpan<char> value)
    {
        if (!IsNumber(value, out var number))
        {
            if (!_spans.TryGetValue(value, out var code))
            {
                var text = value.ToString();
                code = Values.Count;
                _index[text] = code;
                Values.Add(text);
            }

            number = BitConverter.Int64BitsToDouble(TextTag | (uint)code);
        }

        if (Count == _rows!.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        _rows[Count++] = number;
    }

    // More distinct values than a category column may have: keep numbers when almost all of them are, else stay texts.
    private void TurnIntoNumbers()
    {
        _canTurn = false;
        var number = new double[Values.Count];
        var texts = new List<string>();
        var textCode = new int[Values.Count];
        Array.Fill(textCode, -1);
        for (var code = 0; code < Values.Count; code++)
        {
            if (!IsNumber(Values[code], out number[code]))
            {
                textCode[code] = texts.Count;
                texts.Add(Values[code]);
            }
        }

        if (texts.Count > MaxTexts)
        {
            return;
        }

        for (var code = 0; code < Values.Count; code++)
        {
            if (textCode[code] >= 0)
            {
                number[code] = BitConverter.Int64BitsToDouble(TextTag | (uint)textCode[code]);
            }
        }

        _rows = new double[Math.Max(1024, _codes.Length)];
        for (var r = 0; r < Count; r++)
        {
            _rows[r] = number[_codes[r]];
        }

        _codes = [];
        (_numbers, _parsed) = (null, null);
        _index.Clear();
        Values.Clear();
        foreach (var text in texts)
        {
            _index[text] = Values.Count;
            Values.Add(text);
        }
    }

    private void Append(int code)
    {
        if (Count == _codes.Length)
        {
            Array.Resize(ref _codes, _codes.Length * 2);
        }

        _codes[Count++] = code;
    }
}
