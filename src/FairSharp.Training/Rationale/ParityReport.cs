namespace FairSharp.Training.Rationale;

/// <summary>The parameter parity score of a model: per-layer cosine and per-neuron differences of neuron influence for
/// every compared pair of strata, and the least aligned pair.</summary>
/// <param name="Kind">Influence measure.</param>
/// <param name="Partition">How the strata were formed (pairs are within a label for the by-label partition).</param>
/// <param name="Layers">The weight layers, input → output.</param>
/// <param name="Strata">Each stratum's rows and loss (influence vectors stay in the measurement).</param>
/// <param name="Pairs">Every pair of strata compared.</param>
/// <param name="WorstPair">The pair with the smallest <see cref="PairParity.MeanCosine"/> (first on ties; the first pair
/// when no layer has more than one neuron).</param>
public sealed record ParityReport(
    InfluenceKind Kind,
    RationalePartition Partition,
    IReadOnlyList<RationaleLayer> Layers,
    IReadOnlyList<StratumSummary> Strata,
    IReadOnlyList<PairParity> Pairs,
    PairParity WorstPair)
{
    /// <summary>How the score is defined, stated in every output: the paper's exact formula is not public.</summary>
    public const string Definition =
        "parameter parity score (reconstruction, FAIRER §4): per weight layer, the cosine between two subgroups' neuron influence vectors "
        + "(the form of FAIRER's GGPA loss) and statistics of the per-neuron |I_a - I_b| / (I_a + I_b); one-neuron layers have cosine 1 by construction";
}

