using System.Globalization;

namespace FairSharp.Training.Rationale;

/// <summary>Settings of a <see cref="RationaleProbe"/> run.</summary>
/// <param name="Kind">Influence measure (default <see cref="InfluenceKind.WeightTaylor"/>, FAIRER's).</param>
/// <param name="Partition">Strata compared (default <see cref="RationalePartition.ByGroup"/>).</param>
/// <param name="ChunkSize">Rows per forward pass (default 4096); the group loss is the mean over all of the stratum's
/// rows whatever the chunking, because gradients are accumulated with weight chunk rows / stratum rows. Must be ≥ 1.</param>
/// <param name="MaxRowsPerStratum">When set, a stratum with more rows uses a uniform random subset of this size
/// (default null = every row). Must be ≥ 1.</param>
/// <param name="Seed">Seed of that subset draw (default 0); the probe has no other randomness (the model runs in
/// evaluation mode, so dropout is off).</param>
public sealed record RationaleOptions(
    InfluenceKind Kind = InfluenceKind.WeightTaylor,
    RationalePartition Partition = RationalePartition.ByGroup,
    int ChunkSize = 4096,
    int? MaxRowsPerStratum = null,
    int Seed = 0)
{
    /// <summary>Error text: a size option below 1 (format: option name, value).</summary>
    public const string BadSize = "{0} must be >= 1, got {1}";

    /// <summary>Throws <see cref="InvalidInputException"/> for a chunk size or row cap below 1.</summary>
    public void Validate()
    {
        if (ChunkSize < 1)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadSize, "chunk size", ChunkSize));
        }

        if (MaxRowsPerStratum is < 1)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadSize, "max rows per stratum", MaxRowsPerStratum));
        }
    }
}
