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

    // -1: every column is read (and a column of many distinct numbers turns into numbers); else only this column, as texts.
    private readonly int _only;
    private char? _givenSeparator;

    // capacity: rows expected from a file (0: rows held in memory, whose columns stay texts).
    private TabularRows(string[] header, char separator, string? only = null, int capacity = 0)
    {
        _header = header;
        Separator = separator;
        _only = only is null ? -1 : Array.IndexOf(header, only);
        _columns = header.Select((h, c) => new CsvColumn(h, canTurn: capacity > 0 && only is null, _only < 0 || _only == c ? capacity : 0)).ToArray();
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
    public string Value(int row, string column) => TextColumn(column).Value(row);

    /// <summary>The position of the column of that name in <see cref="Header"/>.</summary>
    /// <exception cref="InvalidInputException">No such column (the message names the file and the column).</exception>
    public int ColumnIndex(string name)
    {
        Column(name);
        return Array.IndexOf(_header, name);
    }

    /// <summary>The text of row <paramref name="row"/> in the column at <paramref name="column"/> (trimmed).</summary>
    public string Value(int row, int column) => TextColumn(_header[column]).Value(row);

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

    /// <summary>The column of that name with its texts (<see cref="CsvColumn"/>): a column kept as numbers is read
    /// again from the file(s) as texts, once, and kept so.</summary>
    /// <exception cref="InvalidInputException">No such column, or a file that changed since it was read.</exception>
    internal CsvColumn TextColumn(string name)
    {
        var column = Column(name);
        if (!column.IsNumbers)
        {
            return column;
        }

        var again = ReadCsv(_files, _givenSeparator, name);
        for (var f = 0; f < _files.Count; f++)
        {
            if (again.Sha256[f] != Sha256[f] || again.Count != Count)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.CsvChanged, _files[f]));
            }
        }

        var text = again.Column(name);
        _columns[Array.IndexOf(_header, name)] = text;
        return text;
    }

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
    public static TabularRows ReadCsv(IReadOnlyList<string> paths, char? separator) => ReadCsv(paths, separator, null);

    // only: read that column alone, as texts (TextColumn).
    private static TabularRows ReadCsv(IReadOnlyList<string> paths, char? separator, string? only)
    {
        ArgumentNullException.ThrowIfNull(paths);
        TabularRows? table = null;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.CsvNotFound, path));
            }

            // Streamed, not read whole: the bytes pass through the sha256 on their way to the parser.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var prefix = Prefix(file);
            var sep = separator ?? Detect(prefix);
            var capacity = EstimateRows(prefix, file.Length);
            using var sha = SHA256.Create();
            using var hashed = new CryptoStream(file, sha, CryptoStreamMode.Read, leaveOpen: true);
            using var text = new StreamReader(hashed, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            using var reader = Sep.New(sep).Reader(o => o with
            {
                HasHeader = false,
                Unescape = true,
                Trim = SepTrim.Outer,
                DisableColCountCheck = true,
            }).From(text);
            var start = table?.Count ?? 0;
            table = ReadFile(table, reader, path, sep, only, capacity);
            hashed.CopyTo(Stream.Null);
            table.Sha256.Add(Convert.ToHexStringLower(sha.Hash!));
            table._givenSeparator = separator;
            if (table.Count == start)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.EmptyFile, path));
            }
        }

        table!.FileStarts.Add(table.Count);
        return table;
    }

    // The header row (the first table's columns, or a later file's own order), then every data row.
    private static TabularRows ReadFile(TabularRows? table, SepReader reader, string path, char separator, string? only, int capacity)
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

                    table ??= new TabularRows(header, separator, only, capacity);
                    positions = table.Positions(header, path);
                    fields = header.Length;
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
                if (table._only >= 0)
                {
                    columns[table._only].Add(row[positions[table._only]].Span);
                }
                else
                {
                    for (var c = 0; c < positions.Length; c++)
                    {
                        columns[c].Add(row[positions[c]].Span);
                    }
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

    // The file's first 1 MiB (to detect the separator and estimate the rows), then back to its start.
    private static byte[] Prefix(FileStream file)
    {
        var prefix = new byte[(int)Math.Min(file.Length, 1 << 20)];
        file.ReadExactly(prefix);
        file.Position = 0;
        return prefix;
    }

    // Rows the file likely holds, from the lines of its first MiB (a little more, so the columns' arrays are made once).
    private static int EstimateRows(byte[] prefix, long length)
    {
        var lines = prefix.AsSpan().Count((byte)'\n');
        return lines == 0 ? 1024 : (int)Math.Min(int.MaxValue / 2, (length * 1.05 * lines / prefix.Length) + 1024);
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
