using FairSharp.Experiments.Analysis;

namespace FairSharp.Experiments.Reports;

/// <summary>What <see cref="ReportWriter.Write"/> produced.</summary>
/// <param name="Analysis">The analysis behind the files.</param>
/// <param name="Headline">The headline table rows.</param>
/// <param name="Report">Path of report.md.</param>
/// <param name="ParetoPng">Path of pareto.png.</param>
/// <param name="SummaryCsv">Path of summary.csv.</param>
public sealed record ReportFiles(SweepAnalysis Analysis, IReadOnlyList<HeadlineRow> Headline, string Report, string ParetoPng, string SummaryCsv);
