using System.Globalization;

namespace FairSharp.Experiments.Reports;

/// <summary>Number formats of reports: fractions shown as percent with two decimals, invariant culture.</summary>
internal static class Format
{
    public static string Percent(double fraction) => double.IsFinite(fraction)
        ? (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture)
        : "n/a";

    public static string PercentMeanStd(double mean, double std) => double.IsFinite(mean)
        ? $"{Percent(mean)} ± {Percent(std)}"
        : "n/a";

    public static string PercentInterval(double low, double high) => double.IsFinite(low) && double.IsFinite(high)
        ? $"[{Percent(low)}, {Percent(high)}]"
        : "n/a";

    public static string Lambda(double lambda) => lambda.ToString("R", CultureInfo.InvariantCulture);

    public static string Raw(double value) => double.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";

    public static string Significant(double value) => double.IsFinite(value)
        ? value.ToString("G4", CultureInfo.InvariantCulture)
        : "n/a";
}
