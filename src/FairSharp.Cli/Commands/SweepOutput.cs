using FairSharp.Experiments.Reports;
using Spectre.Console;

namespace FairSharp.Cli.Commands;

/// <summary>How <c>sweep</c> and <c>report</c> end: the report's headline table, the verdict and the file paths.</summary>
internal static class SweepOutput
{
    public static void Print(CliConsole console, ReportFiles files)
    {
        // A pipe or file has no width: do not wrap the table at Spectre's default of 80 columns there.
        if (!console.IsInteractive && console.Ansi.Profile.Width < 200)
        {
            console.Ansi.Profile.Width = 200;
        }

        var a = files.Analysis;
        var u = Experiments.Analysis.MetricText.Name(a.UtilityKey);
        var g = Experiments.Analysis.MetricText.Name(a.GapKey);
        var table = new Table().Border(TableBorder.Markdown)
            .AddColumn("method").AddColumn("chosen λ")
            .AddColumn(new TableColumn(Markup.Escape($"{u} (%)")).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"{g} (%)")).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"hypervolume [{ConfidenceText(a.Options.Confidence)} CI]")).RightAligned())
            .AddColumn(new TableColumn("seeds").RightAligned());
        foreach (var row in files.Headline)
        {
            table.AddRow(Markup.Escape(row.Curve), Markup.Escape(row.Lambda), Markup.Escape(row.Utility), Markup.Escape(row.Gap),
                Markup.Escape(row.Hypervolume), row.Seeds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Ansi.Write(table);
        console.Ansi.WriteLine();
        foreach (var sentence in a.Verdict.Skip(1))
        {
            console.Ansi.WriteLine(sentence);
        }

        console.Ansi.WriteLine();
        console.Ansi.WriteLine($"report: {files.Report}");
        console.Ansi.WriteLine($"plot:   {files.ParetoPng}");
    }

    private static string ConfidenceText(double confidence) =>
        (confidence * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
