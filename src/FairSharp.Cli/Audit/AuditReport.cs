using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using FairSharp.Metrics;

namespace FairSharp.Cli.Audit;

/// <summary>Writes a <see cref="ModelEvaluation"/> as JSON (default), Markdown or CSV (one row per group).</summary>
internal static class AuditReport
{
    /// <summary>Scale statement of every report.</summary>
    public const string Scale = "fraction in [0, 1] (equalized_odds_sum and eo_score_gap in [0, 2]); never percent";

    public static string Json(ModelEvaluation e, AuditInput input, string file)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("input", file);
            json.WriteNumber("rows", input.YTrue.Length);
            WriteValues(json, "overall", e.Overall);
            json.WritePropertyName("by_group");
            json.WriteStartObject();
            foreach (var name in input.Groups.Names)
            {
                WriteValues(json, name, e.ByGroup[name]);
            }

            json.WriteEndObject();
            WriteValues(json, "fairness", e.Metrics);
            if (e.Intervals.Count > 0)
            {
                json.WritePropertyName("intervals");
                json.WriteStartObject();
                json.WritePropertyName("quantiles");
                WriteArray(json, e.CiQuantiles);
                foreach (var key in MetricKeys.All)
                {
                    json.WritePropertyName(key);
                    WriteArray(json, e.Intervals[key]);
                }

                json.WriteEndObject();
            }

            json.WritePropertyName("degenerate");
            json.WriteStartArray();
            foreach (var reason in e.Degenerate)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WritePropertyName("empty_groups");
            json.WriteStartArray();
            foreach (var g in e.EmptyGroups)
            {
                json.WriteStringValue(g);
            }

            json.WriteEndArray();
            json.WritePropertyName("definitions");
            json.WriteStartObject();
            json.WriteNumber("threshold", e.Threshold);
            json.WriteString("comparison", input.HasScores ? e.ComparisonText : "y_pred given: hard labels, no threshold");
            json.WriteString("predictions", input.HasScores ? "scores (--score)" : "hard labels (--y-pred); score-based keys use them as scores; ranking keys not computed (null)");
            json.WriteString("scale", Scale);
            json.WriteString("groups", GroupsText(input.Groups));
            json.WriteString("undefined", "null = undefined (NaN): see the definitions and the degenerate list");
            json.WritePropertyName("metrics");
            json.WriteStartObject();
            foreach (var key in MetricKeys.All)
            {
                json.WriteString(key, e.Definitions[key]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Markdown(ModelEvaluation e, AuditInput input, string file)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Fairness audit of {file}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- rows: {input.YTrue.Length}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- predictions: {(input.HasScores ? $"scores, ŷ = [{e.ComparisonText}]" : "hard labels (--y-pred)")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- scale: {Scale}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- groups: {GroupsText(input.Groups)}");
        md.AppendLine();
        md.AppendLine("## By group");
        md.AppendLine();
        md.AppendLine("| group | " + string.Join(" | ", GroupMetricKeys.All) + " |");
        md.AppendLine("|---|" + string.Concat(GroupMetricKeys.All.Select(_ => "---:|")));
        foreach (var name in input.Groups.Names)
        {
            md.AppendLine($"| {Escape(name)} | " + string.Join(" | ", GroupMetricKeys.All.Select(k => Text(e.ByGroup[name][k]))) + " |");
        }

        md.AppendLine("| **overall** | " + string.Join(" | ", GroupMetricKeys.All.Select(k => Text(e.Overall[k]))) + " |");
        md.AppendLine();
        md.AppendLine("## Fairness and utility");
        md.AppendLine();
        md.AppendLine("| key | value | definition |");
        md.AppendLine("|---|---:|---|");
        foreach (var key in MetricKeys.All)
        {
            md.AppendLine($"| {key} | {Text(e.Metrics[key])} | {Escape(e.Definitions[key])} |");
        }

        md.AppendLine();
        md.AppendLine("## Degenerate");
        md.AppendLine();
        if (e.Degenerate.Count == 0)
        {
            md.AppendLine("none");
        }

        foreach (var reason in e.Degenerate)
        {
            md.AppendLine($"- {reason}");
        }

        return md.ToString();
    }

    public static string Csv(ModelEvaluation e, AuditInput input)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("group");
            foreach (var key in GroupMetricKeys.All)
            {
                csv.WriteField(key);
            }

            csv.NextRecord();
            foreach (var name in input.Groups.Names)
            {
                csv.WriteField(name);
                foreach (var key in GroupMetricKeys.All)
                {
                    var v = e.ByGroup[name][key];
                    csv.WriteField(double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture));
                }

                csv.NextRecord();
            }
        }

        return writer.ToString();
    }

    private static string GroupsText(GroupLabels groups) =>
        groups.Features.Count > 1
            ? $"intersectional: every combination of {string.Join(", ", groups.Features)} (names joined by '{GroupLabels.Separator}'); empty combinations reported, skipped by aggregates"
            : $"the values of {groups.Features[0]}";

    private static void WriteValues(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, double> values)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        foreach (var (key, value) in values)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                json.WriteNull(key);
            }
            else
            {
                json.WriteNumber(key, value);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, IEnumerable<double> values)
    {
        json.WriteStartArray();
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteNumberValue(v);
            }
        }

        json.WriteEndArray();
    }

    private static string Text(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
