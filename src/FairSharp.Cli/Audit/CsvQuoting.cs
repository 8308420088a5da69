namespace FairSharp.Cli.Audit;

/// <summary>Finds which field of a raw CSV record breaks RFC 4180 quoting, and how, so that the error can name the
/// column and the problem instead of quoting CsvHelper's advice.</summary>
internal static class CsvQuoting
{
    /// <summary>The 0-based field index and the problem of the first badly quoted field of <paramref name="raw"/>.</summary>
    public static (int Field, string Problem) Locate(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var field = 0;
        var i = 0;
        while (i <= raw.Length)
        {
            var start = i;
            while (i < raw.Length && raw[i] == ' ')
            {
                i++;
            }

            if (i < raw.Length && raw[i] == '"')
            {
                i++;
                var closed = false;
                while (i < raw.Length)
                {
                    if (raw[i] == '"')
                    {
                        if (i + 1 < raw.Length && raw[i + 1] == '"')
                        {
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    i++;
                }

                if (!closed)
                {
                    return (field, "a quoted field is never closed (a '\"' is missing)");
                }

                while (i < raw.Length && raw[i] == ' ')
                {
                    i++;
                }

                if (i < raw.Length && raw[i] != ',' && raw[i] != '\r' && raw[i] != '\n')
                {
                    return (field, "text after the closing quote of a quoted field");
                }
            }
            else
            {
                i = start;
                while (i < raw.Length && raw[i] != ',' && raw[i] != '\r' && raw[i] != '\n')
                {
                    if (raw[i] == '"')
                    {
                        return (field, "a '\"' inside an unquoted field (quote the whole field and double the inner quote)");
                    }

                    i++;
                }
            }

            if (i >= raw.Length || raw[i] != ',')
            {
                break;
            }

            i++;
            field++;
        }

        return (field, "malformed quoting");
    }
}
