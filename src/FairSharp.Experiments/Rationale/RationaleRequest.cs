using System.Globalization;
using FairSharp.Training.Rationale;

namespace FairSharp.Experiments.Rationale;

/// <summary>What <c>fairsharp rationale</c> compares: one or more trained model folders, on one split of their data.</summary>
/// <param name="Models">Model folders (each with model.bin and manifest.json, as <c>fairsharp train</c> writes them).</param>
public sealed record RationaleRequest(IReadOnlyList<string> Models)
{
    /// <summary>Error text: no model folder given.</summary>
    public const string NoModels = "give at least one --model folder";

    /// <summary>Error text: a model folder that does not exist (format: path).</summary>
    public const string MissingModel = "model folder '{0}' not found";

    /// <summary>Error text: unknown split (format: name).</summary>
    public const string UnknownSplit = "unknown split '{0}' (expected train, validation or test)";

    /// <summary>Error text: unknown partition (format: name).</summary>
    public const string UnknownPartition = "unknown partition '{0}' (expected group or label)";

    /// <summary>Error text: unknown influence kind (format: name).</summary>
    public const string UnknownInfluence = "unknown influence '{0}' (expected weight or activation)";

    /// <summary>Split to measure on: <c>train</c>, <c>validation</c> or <c>test</c> (default test).</summary>
    public string Split { get; init; } = "test";

    /// <summary>Strata: by group (default) or by group within each label (FAIRER's EO mode).</summary>
    public RationalePartition Partition { get; init; } = RationalePartition.ByGroup;

    /// <summary>Influence measure (default weight-Taylor, FAIRER's).</summary>
    public InfluenceKind Influence { get; init; } = InfluenceKind.WeightTaylor;

    /// <summary>Cap on the rows per stratum (default null = all rows of the split).</summary>
    public int? MaxRowsPerStratum { get; init; }

    /// <summary>Seed of the row cap's draw (default 0; the probe has no other randomness).</summary>
    public int Seed { get; init; }

    /// <summary>For a model trained on a CSV (<c>--data</c>): the file to read in place of the path recorded in its
    /// preprocessing.json (the file moved); its sha256 must still match. Null = the recorded path.</summary>
    public string? DataFile { get; init; }

    /// <summary>Folder of the bundled datasets; null = located from the current directory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Parses <c>group</c> / <c>label</c>.</summary>
    public static RationalePartition ParsePartition(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "group" => RationalePartition.ByGroup,
        "label" => RationalePartition.ByGroupWithinLabel,
        _ => throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownPartition, name)),
    };

    /// <summary>Parses <c>weight</c> / <c>activation</c>.</summary>
    public static InfluenceKind ParseInfluence(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "weight" => InfluenceKind.WeightTaylor,
        "activation" => InfluenceKind.ActivationTaylor,
        _ => throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownInfluence, name)),
    };

    /// <summary>The probe settings of this request.</summary>
    public RationaleOptions ProbeOptions => new(Influence, Partition, MaxRowsPerStratum: MaxRowsPerStratum, Seed: Seed);

    /// <summary>Throws <see cref="InvalidInputException"/> on the first bad field.</summary>
    public void Validate()
    {
        if (Models is null || Models.Count == 0)
        {
            throw new InvalidInputException(NoModels);
        }

        foreach (var model in Models)
        {
            if (!Directory.Exists(model))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MissingModel, model));
            }
        }

        if (Split is not ("train" or "validation" or "test"))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownSplit, Split));
        }

        ProbeOptions.Validate();
    }
}
