using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Study;
using ScottPlot;

namespace FairSharp.Experiments.Plots;

/// <summary>
/// The study's part-3 figure for one layer: each trained model is a point, its rationale cosine (x) against its test
/// fairness gap (y, %), one colour per method (ERM in black), so alignment predicting fairness shows as a falling cloud.
/// </summary>
public static class RationaleScatter
{
    /// <summary>Builds the figure of <paramref name="points"/> (one layer) with the gap named by <paramref name="gapKey"/>.</summary>
    public static Plot Create(IReadOnlyList<RationaleFairness.Point> points, string layer, string gapKey, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = new Plot();
        PlotStyle.Apply(plot, title, $"Rationale cosine of {layer} between the groups (test split) → more aligned",
            ParetoPlot.Capital(MetricText.Name(gapKey)) + " (%, threshold ≥ 0.5) → lower is fairer");
        var colorIndex = 0;
        foreach (var method in points.Select(p => p.Method).Distinct())
        {
            var mine = points.Where(p => p.Method == method).ToArray();
            var isReference = method == "erm";
            var markers = plot.Add.Markers(mine.Select(p => p.Cosine).ToArray(), mine.Select(p => p.Gap * 100).ToArray(),
                isReference ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle, isReference ? 14 : 9, isReference ? PlotStyle.Reference : PlotStyle.Of(colorIndex++));
            markers.LegendText = method;
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(0.08, 0.1);
        return plot;
    }

    /// <summary>Writes the PNG atomically to <paramref name="path"/>.</summary>
    public static void SavePng(Plot plot, string path)
    {
        ArgumentNullException.ThrowIfNull(plot);
        AtomicFile.Write(path, temp => plot.SavePng(temp, PlotStyle.Width, PlotStyle.Height));
    }
}
