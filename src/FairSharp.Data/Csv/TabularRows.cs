using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using nietras.SeparatedValues;

namespace FairSharp.Data.Csv;

/// <summary>
/// Rows of a user's table (CSV file(s) or records in memory), column by column, dictionary-encoded: each column keeps its distinct values once
/// and one code per row, so a million rows of repeated categories cost 4 bytes a field, and every value is parsed or
/// encoded once however often it repeats. Every row remembers its file and line for error messages.
/// </summary>
public sealed class TabularRows
{
    private readonly List<string> _files = [];
    private readonly List<int> _lines = [];
    private readonly List<byte> _fileOfRow = [];
    private readonly CsvColumn[] _columns;

    private readonly string[] _header;

    private TabularRows(string[] header, char separator)
    {
        _header = header;
        Separator = separator;
        _columns = header.Select(h => new CsvColumn(h)).ToArray();
    }

    /// <summary>Column names of the first file, in file order.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>The separator used (given or detected; comma for records).</summary>
    public char Separator { get; }

    /// <summary>Rows read.</summary>
    public int Count => _lines.Count;

    /// <summary>The files read, as given (<c>(records)</c> for rows built in memory).</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>The text of row <paramref name="row"/> in column <paramref name="column"/> (trimmed).</summary>
    /// <exception cref="InvalidInputException">No such column.</exception>
    public string Value(int row, string column) => Column(column).Value(row);

    /// <summary>The position of the column of that name in <see cref="Header"/>.</summary>
    /// <exception cref="InvalidInputException">No such column (the message names the file and the column).</exception>
    public int ColumnIndex(string name)
    {
        Column(name);
        return Array.IndexOf(_header, name);
    }

    /// <summary>The text of row <paramref name="row"/> in the column at <paramref name="column"/> (trimmed).</summary>
    public string Value(int row, int column) => _columns[column].Value(row);

    /// <summary>Row index where each file starts, and the end.</summary>
    internal List<int> FileStarts { get; } = [];

    /// <summary>sha256 of each file's bytes, in file order.</summary>
    internal List<string> Sha256 { get; } = [];

    /// <summary>Rows built in memory, e.g. from a data frame or a request: one string per header column.</summary>
    /// <exception cref="InvalidInputException">A record with the wrong number of fields, or no records.</exception>
    public static TabularRows FromRecords(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> records)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(records);
        const string source = "(records)";
        var table = new TabularRows(header.ToArray(), ',');
        table._files.Add(source);
        table.FileStarts.Add(0);
        foreach (var record in records)
        {
            if (record.Count != header.Count)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.FieldCount, source, table.Count + 1, header.Count, record.Count));
            }

            for (var c = 0; c < record.Count; c++)
            {
                table._columns[c].Add((record[c] ?? string.Empty).Trim());
            }

            table._lines.Add(table.Count + 1);
            table._fileOfRow.Add(0);
        }

        if (table.Count == 0)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.EmptyFile, source));
        }

        table.FileStarts.Add(table.Count);
        table.Sha256.Add(string.Empty);
        return table;
    }

    /// <summary>The column of that name, or an error naming the (first) file and the column.</summary>
    internal CsvColumn Column(string name) =>
        Find(name) ?? throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.MissingColumn, _files[0], name));

    /// <summary>The column of that name, or null.</summary>
    internal CsvColumn? Find(string name)
    {
        var i = Array.IndexOf(_header, name);
        return i < 0 ? null : _columns[i];
    }

    /// <summary>An error about one field: {0} file, {1} line, {2} column, {3} value.</summary>
    internal InvalidInputException Error(string format, int row, string column, string value) =>
        new(string.Format(CultureInfo.InvariantCulture, format, _files[_fileOfRow[row]], _lines[row], column, value));

    /// <summary>Reads <paramref name="paths"/> one after the other (header line in each; later files may order their
    /// columns differently but must have every column of the first). UTF-8 with or without BOM, CRLF or LF, RFC 4180
    /// quotes; unquoted fields are trimmed; blank lines skipped. The separator, when not given, is the one of comma,
    /// semicolon and tab that the header line holds most often (outside quotes). Parsed with Sep: a field becomes a
    /// string only the first time its column sees that value.</summary>
    /// <exception cref="InvalidInputException">A missing or empty file, a row with the wrong number of fields (file,
    /// line), a malformed quote, or a later file lacking a column.</exception>
    public static TabularRows ReadCsv(IReadOnlyList<string> paths, char? separator)
    {
        ArgumentNullException.ThrowIfNull(paths);
        TabularRows? table = null;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.CsvNotFound, path));
            }

            var bytes = File.ReadAllBytes(path);
            var sep = separator ?? Detect(bytes);
            using var text = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var reader = Sep.New(sep).Reader(o => o with
            {
                HasHeader = false,
                Unescape = true,
                Trim = SepTrim.Outer,
                DisableColCountCheck = true,
            }).From(text);
            var start = table?.Count ?? 0;
            table = ReadFile(table, reader, path, sep, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (table.Count == start)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.EmptyFile, path));
            }
        }

        table!.FileStarts.Add(table.Count);
        return table;
    }

    // The header row (the first table's columns, or a later file's own order), then every data row.
    private static TabularRows ReadFile(TabularRows? table, SepReader reader, string path, char separator, string sha256)
    {
        int[]? positions = null;
        var fields = 0;
        byte file = 0;
        var line = 0;
        try
        {
            foreach (var row in reader)
            {
                line = Math.Max(row.LineNumberFrom, row.LineNumberToExcl - 1);
                if (row.ColCount == 1 && row[0].Span.IsEmpty)
                {
                    continue;
                }

                if (positions is null)
                {
                    var header = new string[row.ColCount];
                    for (var c = 0; c < header.Length; c++)
                    {
                        header[c] = row[c].ToString();
                    }

                    table ??= new TabularRows(header, separator);
                    positions = table.Positions(header, path);
                    fields = header.Length;
                    table.Sha256.Add(sha256);
                    table._files.Add(path);
                    table.FileStarts.Add(table.Count);
                    file = (byte)(table._files.Count - 1);
                    continue;
                }

                if (row.ColCount != fields)
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.FieldCount, path, line, fields, row.ColCount));
                }

                var columns = table!._columns;
                for (var c = 0; c < positions.Length; c++)
                {
                    columns[c].Add(row[positions[c]].Span);
                }

                table._lines.Add(line);
                table._fileOfRow.Add(file);
            }
        }
        catch (InvalidDataException)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.MalformedCsv, path, line + 1));
        }

        return positions is null
            ? throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.EmptyFile, path))
            : table!;
    }

    // Where each column of the first file's header sits in this file's header.
    private int[] Positions(string[] header, string path)
    {
        var positions = new int[_header.Length];
        for (var c = 0; c < positions.Length; c++)
        {
            positions[c] = Array.IndexOf(header, _header[c]);
            if (positions[c] < 0)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.MissingColumn, path, _header[c]));
            }
        }

        return positions;
    }

    /// <summary>The separator of a file whose separator is not given: of comma, semicolon and tab, the one its first
    /// non-blank line holds most often outside quotes (comma on a tie or when none occurs).</summary>
    internal static char Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        ReadOnlySpan<char> candidates = [',', ';', '\t'];
        Span<int> counts = stackalloc int[candidates.Length];
        var quoted = false;
        var seen = false;
        foreach (var b in bytes)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b is (byte)'\n' or (byte)'\r')
            {
                if (seen)
                {
                    break;
                }
            }
            else if (!quoted)
            {
                seen |= b is not ((byte)' ' or (byte)'\t');
                var k = candidates.IndexOf((char)b);
                if (k >= 0)
                {
                    counts[k]++;
                    seen = true;
                }
            }
        }

        var best = 0;
        for (var k = 1; k < candidates.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return candidates[best];
    }
}
