namespace FairSharp.Training.Rationale;

/// <summary>What a <see cref="RationaleProbe"/> measured: every stratum's per-layer, per-neuron influence.</summary>
/// <param name="Kind">Influence measure used.</param>
/// <param name="Partition">How the strata were formed.</param>
/// <param name="Layers">The weight layers, input → output.</param>
/// <param name="Strata">One entry per stratum with rows, in group order (label-major for cells).</param>
public sealed record RationaleMeasurement(
    InfluenceKind Kind,
    RationalePartition Partition,
    IReadOnlyList<RationaleLayer> Layers,
    IReadOnlyList<StratumInfluence> Strata);
