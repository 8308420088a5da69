using System.Globalization;
using System.Text;

namespace FairSharp.Cli.Safety;

/// <summary>
/// Opens a user's text file for reading: refuses a missing path, a folder, an unreadable or an oversized file with
/// one line each, and decodes it as its byte-order mark says (UTF-8, UTF-16 LE/BE, UTF-32), as strict UTF-8 when
/// there is none, or as the encoding named by <c>--encoding</c>. Text that is not valid in the chosen encoding is
/// refused with its line, never turned into replacement characters.
/// </summary>
internal static class InputFile
{
    /// <summary>The largest file read by default: 1 GiB. Audit keeps every row in memory (about 40 bytes a row
    /// beyond the text), so larger files would exhaust a laptop before any result.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    private const int Chunk = 1 << 16;

    static InputFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Checks <paramref name="path"/> and opens a strict reader on it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="encodingName">The <c>--encoding</c> value, or null to detect it.</param>
    /// <param name="maxBytes">Size limit.</param>
    public static TextReader OpenText(string path, string? encodingName, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var explicitEncoding = encodingName is null ? null : Named(encodingName);
        var stream = Open(path, maxBytes);
        try
        {
            Encoding encoding;
            try
            {
                encoding = explicitEncoding ?? Detect(stream, path);
                stream.Position = 0;
            }
            catch (IOException e)
            {
                throw Error(CliErrors.Unreadable, path, Reason(e));
            }

            return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: explicitEncoding is null, Chunk, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The encoding called <paramref name="name"/>, throwing on invalid bytes.</summary>
    public static Encoding Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return Encoding.GetEncoding(name.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw Error(CliErrors.UnknownEncoding, name);
        }
    }

    private static FileStream Open(string path, long maxBytes)
    {
        if (Directory.Exists(path))
        {
            throw Error(CliErrors.IsFolder, path);
        }

        if (!File.Exists(path))
        {
            throw Error(CliErrors.FileNotFound, path);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException)
        {
            throw Error(CliErrors.Unreadable, path, "permission denied");
        }
        catch (IOException e)
        {
            throw Error(CliErrors.Unreadable, path, Reason(e));
        }

        long length;
        try
        {
            length = stream.CanSeek ? stream.Length : 0;
        }
        catch (IOException e)
        {
            stream.Dispose();
            throw Error(CliErrors.Unreadable, path, Reason(e));
        }

        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw Error(CliErrors.Unreadable, path, "not a regular file");
        }

        if (length > maxBytes)
        {
            stream.Dispose();
            throw Error(CliErrors.TooLarge, path, Size(length), length, Size(maxBytes), maxBytes);
        }

        return stream;
    }

    /// <summary>The byte-order mark's encoding, or strict UTF-8 after checking every byte (so the error names the
    /// line instead of surfacing later as a decoder exception).</summary>
    private static Encoding Detect(FileStream stream, string path)
    {
        Span<byte> bom = stackalloc byte[4];
        var read = stream.ReadAtLeast(bom, 4, throwOnEndOfStream: false);
        var head = bom[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(false, true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return new UTF32Encoding(head[0] == 0, true, true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(head[0] == 0xFE, true, true);
        }

        stream.Position = 0;
        CheckUtf8(stream, path);
        return new UTF8Encoding(false, true);
    }

    private static void CheckUtf8(FileStream stream, string path)
    {
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var bytes = new byte[Chunk];
        var chars = new char[Chunk + 4];
        long offset = 0, line = 1;
        int n;
        while ((n = Read(stream, bytes, path)) > 0)
        {
            var nul = Array.IndexOf(bytes, (byte)0, 0, n);
            if (nul >= 0)
            {
                throw Error(CliErrors.NulBytes, path, line + Count(bytes, nul));
            }

            try
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                var at = Math.Clamp(e.Index, 0, n - 1);
                throw Error(CliErrors.NotUtf8, path, line + Count(bytes, at), offset + at + 1);
            }

            line += Count(bytes, n);
            offset += n;
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw Error(CliErrors.NotUtf8, path, line, offset);
        }
    }

    private static int Read(FileStream stream, byte[] buffer, string path)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (IOException e)
        {
            throw Error(CliErrors.Unreadable, path, Reason(e));
        }
    }

    private static int Count(byte[] bytes, int end) => bytes.AsSpan(0, end).Count((byte)'\n');

    private static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>The system's reason without the path .NET appends ("Input/output error : '/x'").</summary>
    public static string Reason(IOException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = e.Message;
        var cut = text.IndexOf(" : ", StringComparison.Ordinal);
        text = (cut > 0 ? text[..cut] : text).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "I/O error" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static InvalidInputException Error(string format, params object[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));
}
