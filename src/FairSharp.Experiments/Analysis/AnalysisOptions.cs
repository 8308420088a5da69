using System.Globalization;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Analysis;

/// <summary>How a sweep's trials are summarised: which metrics span the trade-off plane, the bootstrap, the reference
/// point of the hypervolume and the rule that picks each method's chosen point.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Utility metric key (higher is better). Default <c>accuracy</c>.</summary>
    public string UtilityKey { get; init; } = "accuracy";

    /// <summary>Fairness-gap metric key (lower is better), or null for the key of the sweep's constraint
    /// (<see cref="DefaultGapKey"/>). Default null.</summary>
    public string? GapKey { get; init; }

    /// <summary>Bootstrap resamples of the seeds. Default 2000.</summary>
    public int Resamples { get; init; } = 2000;

    /// <summary>Confidence level of the percentile intervals. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Seed of the bootstrap. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Chosen point: the lowest-gap point whose mean utility is at most this much below the reference
    /// method's mean utility (or the curve's own best when the sweep has no reference method). Default 0.01
    /// (one accuracy point).</summary>
    public double UtilityTolerance { get; init; } = 0.01;

    /// <summary>The unconstrained baseline drawn as a marker and used to anchor chosen points. Default <c>erm</c>.</summary>
    public string ReferenceMethod { get; init; } = "erm";

    /// <summary>Reference point of the hypervolume, or null for the sweep's nadir: (lowest utility, highest gap) over
    /// all finished trials of all methods, so that every seed's point lies in the box. Default null.</summary>
    public TradeoffCoordinates? HypervolumeReference { get; init; }

    /// <summary>The gap key that belongs to a constraint: <c>dp</c> → <c>demographic_parity_difference</c>,
    /// <c>eo</c> → <c>equalized_odds_difference</c>, <c>eopp</c> → <c>equal_opportunity_difference</c> (fairlearn forms).</summary>
    public static string DefaultGapKey(string constraint) => constraint switch
    {
        "eo" => "equalized_odds_difference",
        "eopp" => "equal_opportunity_difference",
        _ => "demographic_parity_difference",
    };

    /// <summary>Throws <see cref="InvalidInputException"/> when an option is unusable.</summary>
    public void Validate()
    {
        if (Resamples < 100)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.BadBootstrap, Resamples));
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.BadConfidence, Confidence));
        }

        if (!(UtilityTolerance >= 0) || !double.IsFinite(UtilityTolerance))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.BadTolerance, UtilityTolerance));
        }
    }
}
