using System.Globalization;
using FairSharp.Experiments.Analysis;
using ScottPlot;

namespace FairSharp.Experiments.Plots;

/// <summary>
/// <c>pareto.png</c> / <c>pareto.svg</c>: fairness gap (x, %, lower is fairer) against utility (y, %, higher is
/// better). One colour per method; each point is a λ's mean over seeds with ± std error bars on both axes and its λ
/// written beside it; each method's Pareto front is a line; the reference method (ERM) is a large black diamond.
/// The best corner is the upper left.
/// </summary>
public static class ParetoPlot
{
    /// <summary>PNG file name.</summary>
    public const string PngFileName = "pareto.png";

    /// <summary>SVG file name.</summary>
    public const string SvgFileName = "pareto.svg";

    /// <summary>Builds the figure.</summary>
    public static Plot Create(SweepAnalysis analysis, string title)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var plot = new Plot();
        var u = MetricText.Name(analysis.UtilityKey);
        var g = MetricText.Name(analysis.GapKey);
        PlotStyle.Apply(plot, title,
            Capital(g) + " (%, threshold ≥ 0.5) → lower is fairer",
            Capital(u) + " (%) → higher is better");

        var colorIndex = 0;
        foreach (var curve in analysis.Curves)
        {
            var isReference = curve.Method == analysis.Options.ReferenceMethod;
            var color = isReference ? PlotStyle.Reference : PlotStyle.Of(colorIndex++);
            var points = curve.Points.Where(p => p.Coordinates.IsFinite).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            double[] xs = points.Select(p => p.Gap.Mean * 100).ToArray();
            double[] ys = points.Select(p => p.Utility.Mean * 100).ToArray();
            double[] xErr = points.Select(p => p.Gap.Std * 100).ToArray();
            double[] yErr = points.Select(p => p.Utility.Std * 100).ToArray();
            var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, xErr, xErr, yErr, yErr)
            {
                Color = color.WithAlpha(0.55),
                LineWidth = 1.5f,
                CapSize = 4,
            };
            plot.Add.Plottable(errors);

            var front = curve.Front.Where(p => p.Coordinates.IsFinite).ToArray();
            if (front.Length > 1)
            {
                var line = plot.Add.ScatterLine(front.Select(p => p.Gap.Mean * 100).ToArray(), front.Select(p => p.Utility.Mean * 100).ToArray(), color);
                line.LineWidth = 2.5f;
            }

            var markers = plot.Add.Markers(xs, ys, isReference ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle, isReference ? 18 : 11, color);
            markers.LegendText = isReference ? $"{curve.Curve} (reference)" : curve.Curve;
            if (!isReference)
            {
                foreach (var p in points)
                {
                    var label = plot.Add.Text("λ=" + p.Lambda.ToString("G3", CultureInfo.InvariantCulture), p.Gap.Mean * 100, p.Utility.Mean * 100);
                    label.LabelFontSize = 12;
                    label.LabelFontColor = color;
                    label.LabelOffsetX = 7;
                    label.LabelOffsetY = -18;
                }
            }
        }

        var hint = plot.Add.Annotation($"↖ better: higher {u}, lower gap", Alignment.UpperLeft);
        hint.LabelFontSize = 14;
        hint.LabelFontColor = Colors.DimGray;
        hint.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        hint.LabelBorderColor = Colors.Transparent;
        plot.ShowLegend(Alignment.LowerRight);
        plot.Axes.Margins(0.08, 0.1);
        return plot;
    }

    /// <summary>Writes the PNG and SVG (each atomically) into <paramref name="directory"/>.</summary>
    public static void Save(SweepAnalysis analysis, string title, string directory)
    {
        var plot = Create(analysis, title);
        AtomicFile.Write(Path.Combine(directory, PngFileName), temp => plot.SavePng(temp, PlotStyle.Width, PlotStyle.Height));
        AtomicFile.Write(Path.Combine(directory, SvgFileName), temp => plot.SaveSvg(temp, PlotStyle.Width, PlotStyle.Height));
    }

    internal static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
