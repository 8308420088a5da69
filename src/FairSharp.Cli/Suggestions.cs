namespace FairSharp.Cli;

/// <summary>Closest-name suggestions for misspelt commands, options and values.</summary>
internal static class Suggestions
{
    /// <summary>The candidate nearest to <paramref name="typed"/>: a candidate it begins (a shortened name) first,
    /// else the fewest single-character edits (insert, delete, substitute, swap two neighbours); case ignored; ties go
    /// to the earlier candidate.</summary>
    public static string Closest(string typed, IEnumerable<string> candidates)
    {
        var lower = typed.ToLowerInvariant();
        return candidates.MinBy(c => c.StartsWith(lower, StringComparison.OrdinalIgnoreCase) ? 0 : 1 + Distance(lower, c.ToLowerInvariant()))
            ?? throw new ArgumentException("no candidates", nameof(candidates));
    }

    /// <summary>Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one substring).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
