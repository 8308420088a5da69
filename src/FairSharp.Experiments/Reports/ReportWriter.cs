using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Plots;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Reports;

/// <summary>Writes every output of a sweep into a folder: summary.csv, report.md, pareto.png/svg and one per-group
/// chart per method. Each file is written to a temporary file first and then moved into place.</summary>
public static class ReportWriter
{
    /// <summary>Analyses <paramref name="records"/> and writes the outputs into <paramref name="directory"/>;
    /// <paramref name="history"/> (earlier attempts replaced by <c>--retry-failed</c>) is listed in the report.</summary>
    public static ReportFiles Write(string directory, PlanDocument plan, IReadOnlyList<TrialRecord> records, AnalysisOptions options,
        IReadOnlyList<TrialRecord>? history = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var analysis = SweepAnalyzer.Analyze(plan.Trials, records, options);
        Directory.CreateDirectory(directory);
        var usesLambda = plan.UsesLambda();
        var figures = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = ParetoPlot.PngFileName };
        var title = $"{plan.Options.Dataset} ({string.Join(" × ", plan.Options.Sensitive)}): trade-off over λ, mean ± std of {plan.Options.Seeds} seeds";
        ParetoPlot.Save(analysis, title, directory);
        foreach (var curve in analysis.Curves)
        {
            var chart = GroupChart.Create(curve, analysis.Groups, usesLambda.GetValueOrDefault(curve.Method, true));
            if (chart is null)
            {
                continue;
            }

            var name = GroupChart.FileName(curve.Curve);
            AtomicFile.Write(Path.Combine(directory, name), temp => chart.SavePng(temp, 1000, 620));
            figures[curve.Curve] = name;
        }

        AtomicFile.WriteAllText(Path.Combine(directory, SummaryCsv.FileName), SummaryCsv.Render(analysis));
        var report = ReportMarkdown.Render(plan, analysis, records, figures, history);
        AtomicFile.WriteAllText(Path.Combine(directory, ReportMarkdown.FileName), report);
        return new ReportFiles(analysis, HeadlineRow.From(analysis, usesLambda),
            Path.Combine(directory, ReportMarkdown.FileName), Path.Combine(directory, ParetoPlot.PngFileName), Path.Combine(directory, SummaryCsv.FileName));
    }
}
