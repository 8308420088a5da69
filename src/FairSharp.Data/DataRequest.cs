using System.Globalization;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;

namespace FairSharp.Data;

/// <summary>What to load and how: a dataset, its sensitive attributes, a protocol preset, a seed, and overrides.</summary>
/// <param name="Dataset">Catalogue name (<see cref="DatasetCatalogue.Names"/>).</param>
/// <param name="Sensitive">Sensitive attributes; several give intersectional groups (index = binary number s1 s2 …).</param>
/// <param name="Protocol">Protocol preset (<see cref="DataProtocols"/>); default <c>ffb</c>.</param>
/// <param name="Seed">Seed of the split and of every shuffle; the same seed gives the same split.</param>
public sealed record DataRequest(string Dataset, IReadOnlyList<string> Sensitive, string Protocol = FfbProtocol.ProtocolName, int Seed = 0)
{
    /// <summary>A user's CSV in place of a catalogue dataset (<c>--data</c>); then <see cref="Dataset"/> is only a label
    /// (the file name), the split comes from these options and the seed from <see cref="Seed"/>.</summary>
    public Csv.CsvDataOptions? Csv { get; init; }

    /// <summary>Folder of the bundled datasets; null = <see cref="DataDirectory.Locate"/>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>UTKFace folder (the 32×32 derivative or a folder of <c>*.jpg.chip.jpg</c>); null = <c>../shared/data/utkface</c> when it exists.</summary>
    public string? UtkFaceDirectory { get; init; }

    /// <summary>Check each bundled file's sha256 and row count before parsing (default true). Turn off only to load a
    /// file that differs from the bundled one on purpose (e.g. the original COMPAS file).</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Train fraction; null = the protocol's (ffb 0.4, fairmixup 0.6, tfs 0.6, ffb on images 0.8).</summary>
    public double? TrainFraction { get; init; }

    /// <summary>Validation fraction; null = the protocol's (ffb 0.3, fairmixup 0.2, tfs 0.2, ffb on images 0.1).</summary>
    public double? ValidationFraction { get; init; }

    /// <summary>Test fraction; null = the protocol's (ffb 0.3, fairmixup 0.2, tfs 0.2, ffb on images 0.1).</summary>
    public double? TestFraction { get; init; }

    /// <summary>Raw input columns to leave out (e.g. <c>duration</c> for Bank, which leaks the target); default none.</summary>
    public IReadOnlyList<string> DropColumns { get; init; } = [];

    /// <summary>Reproduce the anchor code's quirks (default true): fairmixup's bin edges of age reused for all
    /// continuous features; tfs's per-(y, group) split counts of the TFS code. False = the clean variant (per-feature
    /// bin edges; a stratified split with the fractions).</summary>
    public bool ReproduceQuirks { get; init; } = true;

    /// <summary>fairmixup: draw the split permutation as numpy's <c>np.random.seed(seed); np.random.permutation(n)</c>,
    /// the permutation aif360's split gives the authors' code, so that seed s is the authors' split s (default false:
    /// .NET's seeded <see cref="Random"/>). docs/conformance.md.</summary>
    public bool NumpySplit { get; init; }

    /// <summary>Quantile bins per continuous feature in fairmixup (default 10).</summary>
    public int QuantileBins { get; init; } = 10;

    /// <summary>Side of the square image made from a folder of UTKFace JPEGs (default 32, as the derivative).</summary>
    public int ImageSize { get; init; } = 32;

    /// <summary>The catalogue entry of <see cref="Dataset"/> (internal: a throwing public property would break the
    /// record's <c>ToString</c> for an unknown dataset).</summary>
    internal DatasetInfo Info => DatasetCatalogue.Get(Dataset);

    /// <summary>Checks every field; throws on the first problem.</summary>
    /// <exception cref="InvalidInputException">Unknown dataset, attribute or protocol, a protocol that does not apply,
    /// bad fractions or sizes.</exception>
    public void Validate()
    {
        if (Csv is not null)
        {
            (Csv with { Sensitive = Sensitive }).Validate();
            return;
        }

        var info = DatasetCatalogue.Get(Dataset);
        if (Sensitive is null || Sensitive.Count == 0)
        {
            throw new InvalidInputException(DataErrors.NoSensitive);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Sensitive)
        {
            info.Attribute(s);
            if (!seen.Add(s))
            {
                throw new InvalidInputException(string.Format(DataErrors.DuplicateAttribute, s));
            }
        }

        var protocol = DataProtocols.Get(Protocol);
        if (!protocol.AppliesTo(info.Name))
        {
            throw new InvalidInputException(string.Format(DataErrors.ProtocolNotForDataset, Protocol, Dataset, string.Join(", ", protocol.Datasets)));
        }

        var (train, validation, test) = Fractions();
        if (!(train > 0 && validation > 0 && test > 0 && Math.Abs(train + validation + test - 1) < 1e-9))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadFractions, train, validation, test));
        }

        if (QuantileBins is < 2 or > 100)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadBins, QuantileBins));
        }

        if (ImageSize is < 8 or > 512)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.BadImageSize, ImageSize));
        }
    }

    /// <summary>The (train, validation, test) fractions after the protocol's defaults
    /// (<see cref="DataProtocol.DefaultFractions"/>) and the overrides.</summary>
    /// <exception cref="InvalidInputException">An unknown protocol.</exception>
    public (double Train, double Validation, double Test) Fractions()
    {
        var (train, validation, test) = DataProtocols.Get(Protocol).DefaultFractions(Dataset);
        return (TrainFraction ?? train, ValidationFraction ?? validation, TestFraction ?? test);
    }
}
