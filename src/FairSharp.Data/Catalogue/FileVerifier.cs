using System.Security.Cryptography;

namespace FairSharp.Data.Catalogue;

/// <summary>Checks bundled files against their catalogue sha256 and row count.</summary>
public static class FileVerifier
{
    /// <summary>Error text for a missing file; {0} is the path.</summary>
    public const string MissingMessage = "{0}: data file is missing";

    /// <summary>Error text for a checksum mismatch; {0} path, {1} expected, {2} found.</summary>
    public const string ChecksumMessage = "{0}: sha256 mismatch (expected {1}, found {2}): the file is changed or truncated";

    /// <summary>Error text for a row-count mismatch; {0} path, {1} expected, {2} found.</summary>
    public const string RowCountMessage = "{0}: expected {1} data rows, found {2}";

    /// <summary>Verifies one bundled file below <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, its sha256 differs, or its row count differs.</exception>
    public static VerifiedFile Verify(BundledFile file, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Path.Combine(dataDirectory, file.RelativePath);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(string.Format(MissingMessage, path));
        }

        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(sha, file.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidInputException(string.Format(ChecksumMessage, path, file.Sha256, sha));
        }

        var rows = CountDataRows(bytes, file.HeaderLines);
        if (rows != file.Rows)
        {
            throw new InvalidInputException(string.Format(RowCountMessage, path, file.Rows, rows));
        }

        return new VerifiedFile(file, path, bytes.LongLength, rows);
    }

    /// <summary>Verifies every file of a dataset (all bundled files when <paramref name="dataset"/> is null).</summary>
    public static IReadOnlyList<VerifiedFile> VerifyAll(string dataDirectory, string? dataset = null) =>
        (dataset is null ? BundledFiles.All : BundledFiles.Of(dataset)).Select(f => Verify(f, dataDirectory)).ToArray();

    /// <summary>Counts non-blank lines after the first <paramref name="headerLines"/> lines (LF or CRLF endings).</summary>
    public static int CountDataRows(ReadOnlySpan<byte> bytes, int headerLines)
    {
        int rows = 0, line = 0;
        var blank = true;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                if (!blank && line >= headerLines)
                {
                    rows++;
                }

                line++;
                blank = true;
            }
            else if (b != (byte)'\r' && b != (byte)' ')
            {
                blank = false;
            }
        }

        if (!blank && line >= headerLines)
        {
            rows++;
        }

        return rows;
    }
}
