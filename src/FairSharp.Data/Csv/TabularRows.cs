using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

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
    /// quotes; unquoted fields are trimmed; blank lines skipped.</summary>
    /// <exception cref="InvalidInputException">A missing or empty file, a row with the wrong number of fields (file,
    /// line), a malformed quote, or a later file lacking a column.</exception>
    public static TabularRows ReadCsv(IReadOnlyList<string> paths, char? separator)
    {
        TabularRows? table = null;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.CsvNotFound, path));
            }

            var bytes = File.ReadAllBytes(path);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                HasHeaderRecord = false,
                IgnoreBlankLines = true,
                TrimOptions = TrimOptions.Trim,
                BadDataFound = null,
                DetectColumnCountChanges = false,
            };
            config = separator is { } sep
                ? config with { Delimiter = sep.ToString() }
                : config with { DetectDelimiter = true, DetectDelimiterValues = [",", ";", "\t"] };
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var parser = new CsvParser(reader, config);
            if (!parser.Read())
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.EmptyFile, path));
            }

            var header = parser.Record!;
            table ??= new TabularRows(header, parser.Delimiter[0]);
            var positions = new int[table._header.Length];
            for (var c = 0; c < positions.Length; c++)
            {
                positions[c] = Array.IndexOf(header, table._header[c]);
                if (positions[c] < 0)
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.MissingColumn, path, table._header[c]));
                }
            }

            table.Sha256.Add(Convert.ToHexStringLower(SHA256.HashData(bytes)));
            table._files.Add(path);
            table.FileStarts.Add(table.Count);
            var file = (byte)(table._files.Count - 1);
            var start = table.Count;
            table.ReadRows(parser, path, header.Length, positions, file);
            if (table.Count == start)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.EmptyFile, path));
            }
        }

        table!.FileStarts.Add(table.Count);
        return table;
    }

    private void ReadRows(CsvParser parser, string path, int fields, int[] positions, byte file)
    {
        while (true)
        {
            try
            {
                if (!parser.Read())
                {
                    return;
                }

                if (parser.Count != fields)
                {
                    // CsvHelper counts physical lines; the row's own line is the last one it read.
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.FieldCount, path, parser.RawRow, fields, parser.Count));
                }

                for (var c = 0; c < positions.Length; c++)
                {
                    _columns[c].Add(parser[positions[c]]);
                }
            }
            catch (CsvHelperException)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.MalformedCsv, path, parser.RawRow));
            }

            _lines.Add(parser.RawRow);
            _fileOfRow.Add(file);
        }
    }
}
