using System.Globalization;
using System.Text.Json;
using FairSharp.Cli.Audit;
using FairSharp.Metrics;

namespace FairSharp.Cli.Tests.Commands;

public sealed class AuditCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fairsharp-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>fairlearn's doctest fixture as a CSV with hard predictions and a score column.</summary>
    private string DoctestCsv()
    {
        int[] yTrue = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
        int[] yPred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
        string[] sf = ["b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"];
        var lines = new List<string> { "label,pred,prob,group,w" };
        for (var i = 0; i < yTrue.Length; i++)
        {
            var prob = yPred[i] == 1 ? 0.5 + i / 100.0 : 0.4 - i / 100.0;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{yTrue[i]},{yPred[i]},{prob},{sf[i]},{1 + i % 3}"));
        }

        return Csv("doctest.csv", [.. lines]);
    }

    private static JsonElement Parse(string output) => JsonDocument.Parse(output).RootElement;

    [Fact]
    public void Json_has_overall_by_group_fairness_and_definitions_with_fairlearn_values()
    {
        var file = DoctestCsv();
        var (exit, output, error) = CliRunner.Run("audit", "--input", file, "--y-true", "label", "--y-pred", "pred", "--sensitive", "group");
        exit.ShouldBe(ExitCodes.Success, error);
        error.ShouldBeEmpty();
        var json = Parse(output);
        var fairness = json.GetProperty("fairness");
        foreach (var key in MetricKeys.All)
        {
            fairness.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        fairness.GetProperty(MetricKeys.DemographicParityDifference).GetDouble().ShouldBe(0.25, 1e-12);
        fairness.GetProperty(MetricKeys.DemographicParityRatio).GetDouble().ShouldBe(2.0 / 3.0, 1e-12);
        fairness.GetProperty(MetricKeys.EqualizedOddsDifference).GetDouble().ShouldBe(1.0, 1e-12);
        fairness.GetProperty(MetricKeys.EqualizedOddsRatio).GetDouble().ShouldBe(0.0, 1e-12);
        fairness.GetProperty(MetricKeys.EqualizedOddsSum).GetDouble().ShouldBe(1.2, 1e-12);
        fairness.GetProperty(MetricKeys.RocAuc).ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("by_group").GetProperty("a").GetProperty("selection_rate").GetDouble().ShouldBe(0.75, 1e-12);
        json.GetProperty("overall").GetProperty("count").GetDouble().ShouldBe(18);
        var definitions = json.GetProperty("definitions");
        definitions.GetProperty("metrics").GetProperty(MetricKeys.EqualizedOddsSum).GetString()!.ShouldContain("sum");
        definitions.GetProperty("scale").GetString().ShouldBe(AuditReport.Scale);
    }

    [Fact]
    public void Scores_are_thresholded_with_the_stated_comparison()
    {
        var file = DoctestCsv();
        var (exit, output, error) = CliRunner.Run("audit", "--input", file, "--y-true", "label", "--score", "prob", "--sensitive", "group");
        exit.ShouldBe(ExitCodes.Success, error);
        var json = Parse(output);
        json.GetProperty("definitions").GetProperty("comparison").GetString().ShouldBe("score >= 0.5");
        json.GetProperty("definitions").GetProperty("threshold").GetDouble().ShouldBe(0.5);
        json.GetProperty("fairness").GetProperty(MetricKeys.DemographicParityDifference).GetDouble().ShouldBe(0.25, 1e-12);
        json.GetProperty("fairness").GetProperty(MetricKeys.RocAuc).ValueKind.ShouldBe(JsonValueKind.Number);

        var (exit2, output2, _) = CliRunner.Run("audit", "--input", file, "--y-true", "label", "--score", "prob", "--sensitive", "group", "--threshold", "0.95");
        exit2.ShouldBe(ExitCodes.Success);
        var json2 = Parse(output2);
        json2.GetProperty("fairness").GetProperty(MetricKeys.SelectionRate).GetDouble().ShouldBe(0.0);
        json2.GetProperty("degenerate")[0].GetString().ShouldBe("collapsed classifier: every row is predicted 0 (score >= 0.95)");
    }

    [Fact]
    public void Weights_and_intersectional_groups_with_an_empty_combination()
    {
        var file = Csv("inter.csv", "y,p,sex,race,w", "1,0.9,F,x,2", "0,0.1,F,x,1", "1,0.4,M,x,1", "0,0.7,M,y,3", "1,0.8,M,y,1");
        var (exit, output, error) = CliRunner.Run("audit", "--input", file, "--y-true", "y", "--score", "p", "--sensitive", "sex,race", "--weights", "w");
        exit.ShouldBe(ExitCodes.Success, error);
        var json = Parse(output);
        var byGroup = json.GetProperty("by_group");
        byGroup.GetProperty("F, y").GetProperty("count").GetDouble().ShouldBe(0);
        byGroup.GetProperty("F, y").GetProperty("selection_rate").ValueKind.ShouldBe(JsonValueKind.Null);
        byGroup.GetProperty("F, x").GetProperty("weight").GetDouble().ShouldBe(3);
        json.GetProperty("empty_groups")[0].GetString().ShouldBe("F, y");
        // weighted selection rates: F,x 2/3; M,x 0; M,y 4/4 → difference 1.
        json.GetProperty("fairness").GetProperty(MetricKeys.DemographicParityDifference).GetDouble().ShouldBe(1.0, 1e-12);
        json.GetProperty("overall").GetProperty("selection_rate").GetDouble().ShouldBe(6.0 / 8.0, 1e-12);
    }

    [Fact]
    public void Pos_label_names_the_positive_class()
    {
        var file = Csv("yesno.csv", "y,pred,g", "yes,yes,a", "no,yes,a", "yes,no,b", "no,no,b");
        var (exit, output, error) = CliRunner.Run("audit", "--input", file, "--y-true", "y", "--y-pred", "pred", "--sensitive", "g", "--pos-label", "yes");
        exit.ShouldBe(ExitCodes.Success, error);
        Parse(output).GetProperty("fairness").GetProperty(MetricKeys.DemographicParityDifference).GetDouble().ShouldBe(1.0);
    }

    [Fact]
    public void Markdown_prints_readable_tables()
    {
        var file = DoctestCsv();
        var (exit, output, error) = CliRunner.Run("audit", "--input", file, "--y-true", "label", "--score", "prob", "--sensitive", "group", "--format", "md");
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("- predictions: scores, ŷ = [score >= 0.5]");
        output.ShouldContain("| group | count | weight |");
        output.ShouldContain("| a | 4 | 4 | 2 | 2 |");
        output.ShouldContain("| demographic_parity_difference | 0.25 | fairlearn demographic_parity_difference");
    }

    [Fact]
    public void Csv_prints_one_row_per_group()
    {
        var file = DoctestCsv();
        var (exit, output, error) = CliRunner.Run("audit", "--input", file, "--y-true", "label", "--y-pred", "pred", "--sensitive", "group", "--format", "csv");
        exit.ShouldBe(ExitCodes.Success, error);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.Length.ShouldBe(4);
        lines[0].ShouldBe("group," + string.Join(",", GroupMetricKeys.All));
        lines[1].ShouldStartWith("a,4,4,2,2,");
        lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), "selection_rate")].ShouldBe("0.75");
    }

    [Fact]
    public void Bootstrap_intervals_are_seeded()
    {
        var file = DoctestCsv();
        string[] args = ["audit", "--input", file, "--y-true", "label", "--score", "prob", "--sensitive", "group", "--bootstrap", "20", "--seed", "3"];
        var (exit, output, error) = CliRunner.Run(args);
        exit.ShouldBe(ExitCodes.Success, error);
        var intervals = Parse(output).GetProperty("intervals");
        intervals.GetProperty("quantiles").GetArrayLength().ShouldBe(3);
        intervals.GetProperty(MetricKeys.Accuracy).GetArrayLength().ShouldBe(3);
        CliRunner.Run(args).Out.ShouldBe(output);
    }

    public static TheoryData<string, string[], string> BadInputs() => new()
    {
        { "missing.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g"], "{0}: file not found" },
        { "empty.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g"], "{0}: the file is empty (no header and no rows)" },
        { "header.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g"], "{0}: the file has a header but no rows" },
        { "ok.csv", ["--y-true", "label", "--score", "p", "--sensitive", "g"], "{0}: no column 'label' (columns: y, p, g, w)" },
        { "ok.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g,h"], "{0}: no column 'h' (columns: y, p, g, w)" },
        { "text.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g"], "{0}, line 3, column p: 'high' is not a number" },
        { "label2.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g"], "{0}, line 4, column y: '2' is not 0 or 1 (give --pos-label to name the positive class)" },
        { "range.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g"], "{0}, line 2, column p: score 1.5 is outside [0, 1]" },
        { "onegroup.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g"], "{0}, column g: only one group ('a'); an audit needs at least two" },
        { "ok.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g", "--weights", "w"], "{0}, line 3, column w: weight -1 must be finite and >= 0" },
        { "ok.csv", ["--y-true", "y", "--sensitive", "g"], CliErrors.PredictionChoice },
        { "ok.csv", ["--y-true", "y", "--y-pred", "y", "--score", "p", "--sensitive", "g"], CliErrors.PredictionChoice },
        { "ok.csv", ["--y-true", "y", "--y-pred", "y", "--threshold", "0.3", "--sensitive", "g"], CliErrors.ThresholdNeedsScore },
        { "ok.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g", "--format", "xml"], "--format: unknown value 'xml'; did you mean 'md'? (one of: json, md, csv)" },
        { "ok.csv", ["--y-true", "y", "--score", "p", "--sensitive", "g", "--threshold", "2"], "threshold 2 is outside [0, 1]" },
        { "ok.csv", ["--y-true", "y", "--y-pred", "y", "--sensitive", "g", "--pos-label", "maybe"], "{0}: --pos-label 'maybe' does not occur in the y-true column" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_gives_one_line_on_stderr_and_exit_code_2(string name, string[] options, string message)
    {
        Csv("empty.csv");
        File.WriteAllText(Path.Combine(_dir, "empty.csv"), "");
        Csv("header.csv", "y,p,g");
        Csv("ok.csv", "y,p,g,w", "1,0.9,a,1", "0,0.2,b,-1", "1,0.6,b,2");
        Csv("text.csv", "y,p,g", "1,0.9,a", "0,high,b");
        Csv("label2.csv", "y,p,g", "1,0.9,a", "0,0.2,b", "2,0.4,b");
        Csv("range.csv", "y,p,g", "1,1.5,a", "0,0.2,b");
        Csv("onegroup.csv", "y,p,g", "1,0.9,a", "0,0.2,a");
        var file = Path.Combine(_dir, name);
        var (exit, output, error) = CliRunner.Run(["audit", "--input", file, .. options]);
        exit.ShouldBe(ExitCodes.BadInput, error);
        output.ShouldBeEmpty();
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        error.TrimEnd().ShouldBe("fairsharp: " + string.Format(CultureInfo.InvariantCulture, message, file));
    }
}
