using FairSharp.Experiments.Analysis;

namespace FairSharp.Experiments.Reports;

/// <summary>One row of the headline table: a method's chosen point and its curve's hypervolume.</summary>
/// <param name="Curve">Curve (method and stitch options).</param>
/// <param name="Lambda">λ of the chosen point, formatted (<c>–</c> for methods without λ).</param>
/// <param name="Utility">Utility of the chosen point: mean ± std in percent.</param>
/// <param name="Gap">Gap of the chosen point: mean ± std in percent.</param>
/// <param name="Hypervolume">Hypervolume with its interval.</param>
/// <param name="Seeds">Finished seeds of the chosen point.</param>
public sealed record HeadlineRow(string Curve, string Lambda, string Utility, string Gap, string Hypervolume, int Seeds)
{
    /// <summary>The headline rows of an analysis, in curve order; methods without a finished point are omitted.</summary>
    public static IReadOnlyList<HeadlineRow> From(SweepAnalysis analysis, IReadOnlyDictionary<string, bool> usesLambda)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(usesLambda);
        return analysis.Curves.Where(c => c.Chosen is not null).Select(c =>
        {
            var p = c.Chosen!;
            var lambda = usesLambda.GetValueOrDefault(c.Method, true) ? Format.Lambda(p.Lambda) : "–";
            var hv = $"{Format.Significant(c.Hypervolume.Value)} [{Format.Significant(c.Hypervolume.Low)}, {Format.Significant(c.Hypervolume.High)}]";
            return new HeadlineRow(c.Curve, lambda, Format.PercentMeanStd(p.Utility.Mean, p.Utility.Std), Format.PercentMeanStd(p.Gap.Mean, p.Gap.Std), hv, p.Seeds.Count);
        }).ToArray();
    }
}
