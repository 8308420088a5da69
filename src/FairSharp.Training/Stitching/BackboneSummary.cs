namespace FairSharp.Training.Stitching;

/// <summary>The backbone as it is, before any stitching: its own metrics on the same splits, for comparison.</summary>
/// <param name="Method">Method the backbone was trained with (ERM for TFS).</param>
/// <param name="ChosenEpoch">The backbone run's chosen epoch.</param>
/// <param name="FeaturesFromDisk">True when the cached representation was read from the backbone folder.</param>
/// <param name="Validation">Every metric key of the unmodified backbone on validation.</param>
/// <param name="Test">Every metric key of the unmodified backbone on test.</param>
public sealed record BackboneSummary(
    string Method,
    int ChosenEpoch,
    bool FeaturesFromDisk,
    IReadOnlyDictionary<string, double> Validation,
    IReadOnlyDictionary<string, double> Test);
