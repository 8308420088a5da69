namespace FairSharp.Training.Stitching;

/// <summary>A stitch method as a sweep trial sees it: the data, the method and its options; the ERM backbone is implied
/// (one per dataset, attributes, protocol and seed, trained on first use and shared by every trial that needs it).</summary>
/// <param name="Dataset">Catalogue name (or the label of <see cref="Csv"/>).</param>
/// <param name="Sensitive">Sensitive attributes (one binary attribute: stitch methods compare two groups).</param>
/// <param name="Method"><c>tfs</c>, <c>fdr</c> or <c>tfs-joint</c>.</param>
/// <param name="BackboneRoot">Folder that keeps the shared backbones (and their feature caches).</param>
public sealed record StitchTrialRequest(string Dataset, IReadOnlyList<string> Sensitive, string Method, string BackboneRoot)
{
    /// <summary>A user's CSV in place of the catalogue dataset (then <see cref="Dataset"/> is its label); null = the
    /// catalogue's.</summary>
    public Data.Csv.CsvDataOptions? Csv { get; init; }

    /// <summary>Protocol preset of the backbone's data and training (default <c>ffb</c>).</summary>
    public string Protocol { get; init; } = Data.Protocols.FfbProtocol.ProtocolName;

    /// <summary>Seed of the backbone AND of the stitch run (balanced draw, initialisation, batches).</summary>
    public int Seed { get; init; }

    /// <summary>The method's options (α, stitch layer, initialisation, batch size, fine-tuning pool, epochs, gate, …;
    /// built with the method's <see cref="StitchMethodDescriptor"/>); null = its defaults. <see cref="Seed"/> and
    /// <see cref="Threads"/> replace the options' own.</summary>
    public StitchOptions? Options { get; init; }

    /// <summary>Torch threads; null = torch's.</summary>
    public int? Threads { get; init; }

    /// <summary>Folder of the bundled datasets; null = located from the current directory.</summary>
    public string? DataDirectory { get; init; }
}
