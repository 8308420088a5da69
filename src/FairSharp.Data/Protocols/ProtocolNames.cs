namespace FairSharp.Data;

/// <summary>The names of the data protocol presets (the <c>--protocol</c> values).</summary>
public static class ProtocolNames
{
    /// <summary>
    /// FFB (Han et al., ICLR 2024): sensitive columns removed from the inputs, one-hot categoricals (fitted on all
    /// rows), numerics standardised on train only, a 40/30/30 train/validation/test split stratified by y, seeded.
    /// For UTKFace: y = age &gt; 30, an 80/10/10 split stratified by (y, group), pixels scaled to [0, 1].
    /// </summary>
    public const string Ffb = "ffb";

    /// <summary>
    /// Fair Mixup's Adult pipeline as used by FAIRER (adult only): 120 quantised one-hot inputs, 80/20 shuffled split,
    /// validation = the first |test| rows of the shuffled train part; quirks reproduced by default.
    /// </summary>
    public const string FairMixup = "fairmixup";

    /// <summary>
    /// The Fairness Stitch's UTKFace protocol (utkface only): y = young (age ≤ 35), per-(y, group) split counts of the
    /// TFS code scaled to this data (or a stratified 60/20/20 split), images normalised to [−1, 1].
    /// </summary>
    public const string Tfs = "tfs";

    /// <summary>Every protocol name, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } = [Ffb, FairMixup, Tfs];
}
