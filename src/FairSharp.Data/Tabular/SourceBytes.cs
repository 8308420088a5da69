using System.Security.Cryptography;
using FairSharp.Data.Catalogue;

namespace FairSharp.Data.Tabular;

/// <summary>The bytes of one source file with their sha256, read once and verified against the catalogue.</summary>
internal sealed record SourceBytes(string Path, byte[] Bytes, string Sha256)
{
    /// <summary>Reads <paramref name="file"/> below <paramref name="dataDirectory"/>; checks sha256 and row count when <paramref name="verify"/>.</summary>
    public static SourceBytes Load(BundledFile file, string dataDirectory, bool verify)
    {
        var path = System.IO.Path.Combine(dataDirectory, file.RelativePath);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(string.Format(FileVerifier.MissingMessage, path));
        }

        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (verify)
        {
            if (!string.Equals(sha, file.Sha256, StringComparison.Ordinal))
            {
                throw new InvalidInputException(string.Format(FileVerifier.ChecksumMessage, path, file.Sha256, sha));
            }

            var rows = FileVerifier.CountDataRows(bytes, file.HeaderLines);
            if (rows != file.Rows)
            {
                throw new InvalidInputException(string.Format(FileVerifier.RowCountMessage, path, file.Rows, rows));
            }
        }

        return new SourceBytes(path, bytes, sha);
    }

    /// <summary>Reads a user's file in a catalogue dataset's raw format (not one of the bundled files: nothing to verify).</summary>
    /// <exception cref="InvalidInputException">The file does not exist.</exception>
    public static SourceBytes Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(string.Format(System.Globalization.CultureInfo.InvariantCulture, DataErrors.CsvNotFound, path));
        }

        var bytes = File.ReadAllBytes(path);
        return new SourceBytes(path, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>One hash for several files: the file's own sha256 when alone, else the sha256 of the lines "sha256  name".</summary>
    public static string Combine(IReadOnlyList<SourceBytes> sources)
    {
        if (sources.Count == 1)
        {
            return sources[0].Sha256;
        }

        var text = string.Concat(sources.Select(s => $"{s.Sha256}  {System.IO.Path.GetFileName(s.Path)}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
