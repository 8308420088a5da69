namespace FairSharp.Experiments.Analysis;

/// <summary>The paired comparison of two curves over the same seeds.</summary>
/// <param name="Better">The curve with the larger hypervolume point estimate.</param>
/// <param name="Other">The curve it is compared with.</param>
/// <param name="Difference">Hypervolume of <paramref name="Better"/> minus that of <paramref name="Other"/>, paired by
/// seed (both computed on the same bootstrap resample of seeds), with its interval.</param>
/// <param name="ProbabilityBetter">Fraction of bootstrap resamples in which the difference is &gt; 0.</param>
/// <param name="FrontCovers">True when every mean point of <paramref name="Other"/> is matched or dominated by a
/// point of <paramref name="Better"/>'s front.</param>
/// <param name="Confident">True when the interval of the difference lies above 0.</param>
public sealed record CurveComparison(
    string Better,
    string Other,
    IntervalEstimate Difference,
    double ProbabilityBetter,
    bool FrontCovers,
    bool Confident);
