namespace FairSharp.Metrics;

/// <summary>How the TPR and FPR disparities combine in equalized odds (fairlearn's <c>agg</c>).</summary>
public enum EqualizedOddsAggregation
{
    /// <summary><c>worst_case</c>: the larger difference (max) or the smaller ratio (min).</summary>
    WorstCase = 0,

    /// <summary><c>mean</c>: the mean of the two differences or of the two ratios.</summary>
    Mean = 1,
}
