using System.Text;
using FairSharp.Experiments.Analysis;

namespace FairSharp.Experiments.Reports;

/// <summary>
/// <c>summary.csv</c>: one row per (curve, λ) point with the number of finished and failed seeds and of finished
/// seeds whose utility or gap is NaN/±∞ (<c>non_finite</c>: left out of the statistics), whether the point
/// is on its front and is the chosen one, and for every metric key its mean, sample std and bootstrap interval over
/// seeds — as fractions (not percent), full precision, invariant culture.
/// </summary>
public static class SummaryCsv
{
    /// <summary>File name inside the sweep folder.</summary>
    public const string FileName = "summary.csv";

    /// <summary>The CSV text of <paramref name="analysis"/>.</summary>
    public static string Render(SweepAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var points = analysis.Curves.SelectMany(c => c.Points.Select(p => (Curve: c, Point: p))).ToArray();
        var keys = points.SelectMany(p => p.Point.Metrics.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(k => k == analysis.UtilityKey ? 0 : k == analysis.GapKey ? 1 : 2).ThenBy(k => k, StringComparer.Ordinal).ToArray();
        var text = new StringBuilder();
        var header = new List<string> { "curve", "method", "lambda", "seeds", "failed", "non_finite", "on_front", "chosen" };
        foreach (var key in keys)
        {
            header.AddRange([$"{key}_mean", $"{key}_std", $"{key}_ci_low", $"{key}_ci_high"]);
        }

        text.Append(string.Join(',', header)).Append('\n');
        foreach (var (curve, point) in points)
        {
            var row = new List<string>
            {
                Quote(curve.Curve), Quote(curve.Method), Format.Raw(point.Lambda),
                point.Seeds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                point.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                point.NonFiniteSeeds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                point.OnFront ? "true" : "false", ReferenceEquals(curve.Chosen, point) ? "true" : "false",
            };
            foreach (var key in keys)
            {
                if (point.Metrics.TryGetValue(key, out var e))
                {
                    row.AddRange([Format.Raw(e.Mean), Format.Raw(e.Std), Format.Raw(e.Low), Format.Raw(e.High)]);
                }
                else
                {
                    row.AddRange(["", "", "", ""]);
                }
            }

            text.Append(string.Join(',', row)).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
