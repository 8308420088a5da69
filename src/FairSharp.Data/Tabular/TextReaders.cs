using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace FairSharp.Data.Tabular;

/// <summary>Readers for the bundled formats: simple delimited text (Adult, German) and RFC 4180 CSV (COMPAS, Bank, …).</summary>
internal static class TextReaders
{
    /// <summary>
    /// Reads delimiter-separated text without quotes: skips <paramref name="headerLines"/> lines and blank lines,
    /// splits on <paramref name="separator"/>, trims every field (Adult's <c>", "</c>), and requires
    /// as many fields per row as the table has names.
    /// </summary>
    public static void ReadSimple(RawTable table, SourceBytes source, char separator, int headerLines)
    {
        var file = table.AddFile(source.Path);
        var text = Encoding.UTF8.GetString(source.Bytes);
        var expected = table.Names.Count;
        var pool = new StringPool(expected);
        var line = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            line++;
            if (line <= headerLines || raw.IsWhiteSpace())
            {
                continue;
            }

            var fields = new string[expected];
            var n = 0;
            var rest = raw;
            while (true)
            {
                var cut = rest.IndexOf(separator);
                var field = (cut < 0 ? rest : rest[..cut]).Trim();
                if (!(separator == ' ' && field.IsEmpty))
                {
                    if (n < expected)
                    {
                        fields[n] = pool.Get(n, field);
                    }

                    n++;
                }

                if (cut < 0)
                {
                    break;
                }

                rest = rest[(cut + 1)..];
            }

            if (n != expected)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.FieldCount, source.Path, line, expected, n));
            }

            table.Add(fields, file, line);
        }

        if (table.Count == 0)
        {
            // Said here, before a split of nothing is blamed on a group with no rows.
            throw new InvalidInputException(string.Format(DataErrors.EmptyFile, source.Path));
        }
    }

    /// <summary>
    /// Reads an RFC 4180 CSV with a header line (quotes, embedded separators, CRLF). Only the columns in
    /// <paramref name="keep"/> are copied (by first occurrence of the name), so identity columns are never held in
    /// memory; every row must have as many fields as the header.
    /// </summary>
    public static RawTable ReadCsv(SourceBytes source, char separator, IReadOnlyList<string> keep)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = null,
        };
        using var reader = new StreamReader(new MemoryStream(source.Bytes, writable: false), Encoding.UTF8);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            throw new InvalidInputException(string.Format(DataErrors.EmptyFile, source.Path));
        }

        var header = parser.Record!;
        var positions = new int[keep.Count];
        for (var k = 0; k < keep.Count; k++)
        {
            positions[k] = Array.IndexOf(header, keep[k]);
            if (positions[k] < 0)
            {
                throw new InvalidInputException(string.Format(DataErrors.MissingColumn, source.Path, keep[k]));
            }
        }

        var table = new RawTable(keep.ToArray());
        var file = table.AddFile(source.Path);
        var pool = new StringPool(keep.Count);
        while (true)
        {
            string[] fields;
            int line;
            try
            {
                if (!parser.Read())
                {
                    break;
                }

                line = parser.RawRow;
                if (parser.Count != header.Length)
                {
                    throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.FieldCount, source.Path, line, header.Length, parser.Count));
                }

                // Only the kept fields are materialised: parser[i] builds one field's string on demand.
                fields = new string[keep.Count];
                for (var k = 0; k < positions.Length; k++)
                {
                    fields[k] = pool.Get(k, parser[positions[k]]);
                }
            }
            catch (CsvHelperException)
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.MalformedCsv, source.Path, parser.RawRow));
            }

            table.Add(fields, file, line);
        }

        if (table.Count == 0)
        {
            throw new InvalidInputException(string.Format(DataErrors.EmptyFile, source.Path));
        }

        return table;
    }
}
