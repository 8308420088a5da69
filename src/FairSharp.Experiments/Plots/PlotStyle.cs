using ScottPlot;

namespace FairSharp.Experiments.Plots;

/// <summary>Shared look of FairSharp figures: one colour per method, large readable fonts.</summary>
internal static class PlotStyle
{
    public const int Width = 1100;
    public const int Height = 760;

    private static readonly Color[] MethodColors =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"),
        Color.FromHex("#ff7f0e"), Color.FromHex("#17becf"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"),
        Color.FromHex("#bcbd22"), Color.FromHex("#7f7f7f"),
    ];

    /// <summary>The unconstrained reference (ERM) is drawn in black.</summary>
    public static Color Reference { get; } = Color.FromHex("#000000");

    public static Color Of(int index) => MethodColors[index % MethodColors.Length];

    public static void Apply(Plot plot, string title, string xLabel, string yLabel)
    {
        // A sans-serif face reads better at small sizes; Skia falls back to the default face where it is missing.
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 17);
        plot.YLabel(yLabel, size: 17);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Legend.FontSize = 15;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
    }
}
