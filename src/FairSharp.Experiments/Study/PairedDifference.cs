using System.Globalization;

namespace FairSharp.Experiments.Study;

/// <summary>Hypervolume of curve <paramref name="A"/> minus that of <paramref name="B"/>, paired by seed, with its
/// percentile bootstrap interval (<see cref="Analysis.SweepAnalyzer"/>).</summary>
/// <param name="A">First curve.</param>
/// <param name="B">Second curve.</param>
/// <param name="Value">HV(A) − HV(B) on the mean points.</param>
/// <param name="Low">Lower end of the 95% interval.</param>
/// <param name="High">Upper end of the 95% interval.</param>
/// <param name="ProbabilityABetter">Share of resamples where A's hypervolume is larger.</param>
/// <param name="ACovers">True when A's front matches or dominates every mean point of B.</param>
/// <param name="Seeds">Seeds with a finished trial in either curve.</param>
public sealed record PairedDifference(string A, string B, double Value, double Low, double High, double ProbabilityABetter, bool ACovers, int Seeds)
{
    /// <summary>A beats B beyond noise: the interval lies above 0.</summary>
    public bool ABetter => Low > 0;

    /// <summary>B beats A beyond noise: the interval lies below 0.</summary>
    public bool BBetter => High < 0;

    /// <summary><c>+0.0123 [+0.0040, +0.0200]</c>.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Signed(Value)} [{Signed(Low)}, {Signed(High)}]");

    // + 0.0 turns −0 into +0, so an identical pair prints +0.0000, not -0.0000.
    private static string Signed(double value) => (Math.Round(value, 4) + 0.0).ToString("+0.0000;-0.0000;+0.0000", CultureInfo.InvariantCulture);
}
