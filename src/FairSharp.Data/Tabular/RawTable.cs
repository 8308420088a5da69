using System.Globalization;

namespace FairSharp.Data.Tabular;

/// <summary>Rows of string fields read from one or more files, with the file and line of every row for error messages.</summary>
internal sealed class RawTable
{
    private readonly List<string[]> _rows = [];
    private readonly List<(int File, int Line)> _origins = [];
    private readonly List<string> _files = [];

    public RawTable(IReadOnlyList<string> names) => Names = names;

    /// <summary>Column names, in file order (duplicates allowed; lookups take the first).</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => _rows.Count;

    public string[] this[int row] => _rows[row];

    public int AddFile(string path)
    {
        _files.Add(path);
        return _files.Count - 1;
    }

    public void Add(string[] fields, int file, int line)
    {
        _rows.Add(fields);
        _origins.Add((file, line));
    }

    /// <summary>The position of the first column of that name.</summary>
    public int Index(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidInputException(string.Format(DataErrors.MissingColumn, _files.Count > 0 ? _files[0] : "?", name));
    }

    /// <summary>The field as a number, or an error naming the file, line and column.</summary>
    public double Number(int row, int column)
    {
        var text = _rows[row][column];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(DataErrors.NotANumber, row, column, text);
    }

    /// <summary>An error about one field: {0} file, {1} line, {2} column, {3} value.</summary>
    public InvalidInputException Error(string format, int row, int column, string value)
    {
        var (file, line) = _origins[row];
        return new InvalidInputException(string.Format(CultureInfo.InvariantCulture, format, _files[file], line, Names[column], value));
    }
}
