using FairSharp.Experiments.Analysis;
using ScottPlot;

namespace FairSharp.Experiments.Plots;

/// <summary>
/// <c>groups-METHOD.png</c>: per-group selection rate, true- and false-positive rate and accuracy (%) at a method's
/// chosen point, averaged over seeds; one bar colour per group, the metrics side by side. Equal bars across groups
/// mean parity on that metric.
/// </summary>
public static class GroupChart
{
    /// <summary>The per-group metrics drawn (and tabulated in the report), in order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["selection_rate", "true_positive_rate", "false_positive_rate", "accuracy"];

    /// <summary>File name of a curve's chart (<c>groups-gapreg.png</c>; characters other than letters, digits, '-' and '_' become '_').</summary>
    public static string FileName(string curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return "groups-" + new string(curve.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + ".png";
    }

    /// <summary>Builds the chart of <paramref name="curve"/>'s chosen point; null when it has none.</summary>
    public static Plot? Create(CurveResult curve, IReadOnlyList<string> groups, bool usesLambda)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(groups);
        var point = curve.Chosen;
        if (point is null)
        {
            return null;
        }

        var plot = new Plot();
        var lambda = usesLambda ? $" at λ = {point.Lambda.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty;
        PlotStyle.Apply(plot, $"{curve.Curve}{lambda}: metrics per group (mean of {point.Seeds.Count} seeds)", string.Empty, "Rate within the group (%)");
        var bars = new List<Bar>();
        var width = 0.8 / Math.Max(1, groups.Count);
        for (var k = 0; k < Keys.Count; k++)
        {
            for (var gi = 0; gi < groups.Count; gi++)
            {
                var value = point.ByGroup.TryGetValue(groups[gi], out var m) && m.TryGetValue(Keys[k], out var v) ? v * 100 : double.NaN;
                if (!double.IsFinite(value))
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = k - 0.4 + (width * (gi + 0.5)),
                    Value = value,
                    Size = width * 0.92,
                    FillColor = PlotStyle.Of(gi),
                    Label = value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 13;
        for (var gi = 0; gi < groups.Count; gi++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = groups[gi], FillColor = PlotStyle.Of(gi) });
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, Keys.Count).Select(k => (double)k).ToArray(),
            Keys.Select(k => ParetoPlot.Capital(MetricText.Name(k))).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
