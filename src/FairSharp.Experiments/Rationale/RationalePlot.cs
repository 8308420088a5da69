using System.Globalization;
using ScottPlot;

namespace FairSharp.Experiments.Rationale;

/// <summary>
/// <c>rationale.png</c> / <c>rationale.svg</c>: the cosine of the groups' neuron influence (y, 1 = aligned rationales)
/// for each informative weight layer (x, input → output), one colour per model, one marker shape per pair of strata, so
/// several models (e.g. ERM vs GapReg vs FAIRER) overlay. One-neuron layers (cosine ≡ 1) are left out.
/// </summary>
public static class RationalePlot
{
    /// <summary>PNG file name.</summary>
    public const string PngFile = "rationale.png";

    /// <summary>SVG file name.</summary>
    public const string SvgFile = "rationale.svg";

    private const int Width = 1100;
    private const int Height = 660;
    private const int LegendRow = 26;

    private static readonly Color[] Colors =
    [
        Color.FromHex("#000000"), Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"),
        Color.FromHex("#9467bd"), Color.FromHex("#ff7f0e"), Color.FromHex("#17becf"), Color.FromHex("#8c564b"),
    ];

    // Pairs differ by marker, not by dash pattern: Skia's SVG backend cannot draw dashes (it prints a warning per line).
    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle];

    /// <summary>Builds the figure.</summary>
    public static Plot Create(RationaleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var strata = result.Partition == Training.Rationale.RationalePartition.ByGroup ? "groups" : "groups within each label";
        plot.Title($"Decision rationale alignment per layer ({result.Split} split, {strata})", size: 19);
        plot.XLabel("weight layer (neurons), input → output; the 1-neuron output layer is omitted (cosine ≡ 1)", size: 16);
        plot.YLabel("cosine of the groups' neuron influence (1 = aligned)", size: 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 13;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");

        var labels = new List<string>();
        var entries = 0;
        double lowest = 1;
        for (var m = 0; m < result.Models.Count; m++)
        {
            var model = result.Models[m];
            var color = Colors[m % Colors.Length];
            for (var p = 0; p < model.Report.Pairs.Count; p++)
            {
                var pair = model.Report.Pairs[p];
                var layers = pair.Layers.Where(l => !l.ConstantCosine).ToArray();
                if (layers.Length == 0)
                {
                    continue;
                }

                if (labels.Count < layers.Length)
                {
                    labels = layers.Select(l => string.Create(CultureInfo.InvariantCulture, $"{RationaleMarkdown.ShortName(l.Layer)} ({l.Neurons})")).ToList();
                }

                double[] xs = Enumerable.Range(1, layers.Length).Select(i => (double)i).ToArray();
                double[] ys = layers.Select(l => l.Cosine).ToArray();
                lowest = Math.Min(lowest, ys.Min());
                var line = plot.Add.Scatter(xs, ys, color);
                line.LineWidth = 2.5f;
                line.MarkerSize = 12;
                line.MarkerShape = Markers[p % Markers.Length];
                line.LegendText = model.Report.Pairs.Count == 1 ? Describe(model) : $"{Describe(model)}: {PairLabel(model, pair)}";
                entries++;
            }
        }

        if (labels.Count > 0)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (var i = 0; i < labels.Count; i++)
            {
                ticks.AddMajor(i + 1, labels[i]);
            }

            plot.Axes.Bottom.TickGenerator = ticks;
            plot.Axes.SetLimitsX(0.6, labels.Count + 0.4);
        }

        plot.Axes.SetLimitsY(Math.Max(0, lowest - ((1 - lowest) * 0.15) - 0.01), 1.005);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Vertical;
        return plot;
    }

    /// <summary>Image height: the plot area plus one legend row per line drawn below it.</summary>
    public static int HeightFor(RationaleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = result.Models.Sum(m => m.Report.Pairs.Count);
        return Height + (LegendRow * lines);
    }

    /// <summary>Writes the PNG and the SVG into <paramref name="directory"/>.</summary>
    public static void Save(RationaleResult result, string directory)
    {
        var plot = Create(result);
        var height = HeightFor(result);
        plot.SavePng(Path.Combine(directory, PngFile), Width, height);
        plot.SaveSvg(Path.Combine(directory, SvgFile), Width, height);
    }

    // With one pair per label (two groups, by-label strata) the label names the pair.
    private static string PairLabel(ModelRationale model, Training.Rationale.PairParity pair) =>
        pair.Label is { } y && model.Report.Pairs.Count(p => p.Label == y) == 1
            ? string.Create(CultureInfo.InvariantCulture, $"y={y} ({pair.First.Split('|')[0]} vs {pair.Second.Split('|')[0]})")
            : RationaleMarkdown.PairText(pair);

    private static string Describe(ModelRationale model)
    {
        var lambda = model.Options.Length == 0 ? string.Empty : " " + model.Options;
        return model.Label == model.Method && lambda.Length == 0 ? model.Label : $"{model.Label} ({model.Method}{lambda})";
    }
}
