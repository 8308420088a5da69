using FairSharp.Data.Catalogue;
using FairSharp.Data.Images;

namespace FairSharp.Data.Protocols;

/// <summary>
/// <c>ffb</c>, FFB (Han et al., ICLR 2024; <c>ahxt/fair_fairness_benchmark</c>): sensitive columns removed from the
/// inputs, one-hot categoricals (fitted on all rows), numerics standardised on train only, a 40/30/30
/// train/validation/test split stratified by y, seeded (<see cref="FfbTabularPipeline"/>). For UTKFace: y = age &gt; 30,
/// an 80/10/10 split stratified by (y, group), pixels scaled to [0, 1] (<see cref="UtkFacePipeline"/>). Applies to
/// every catalogue dataset.
/// </summary>
public sealed class FfbProtocol : DataProtocol
{
    /// <summary>The protocol's name.</summary>
    public const string ProtocolName = "ffb";

    internal FfbProtocol()
    {
    }

    /// <inheritdoc />
    public override string Name => ProtocolName;

    /// <inheritdoc />
    public override string Description =>
        "FFB (Han et al., ICLR 2024): sensitive columns removed, one-hot categoricals, numerics standardised on train, "
        + "40/30/30 split stratified by y; UTKFace: y = age > 30, 80/10/10 split stratified by (y, group), pixels in [0, 1]";

    /// <inheritdoc />
    public override IReadOnlyList<string> Datasets => DatasetCatalogue.Names;

    /// <inheritdoc />
    public override (double Train, double Validation, double Test) DefaultFractions(string dataset) =>
        IsImages(dataset) ? (0.8, 0.1, 0.1) : (0.4, 0.3, 0.3);

    /// <inheritdoc />
    public override string Target(DatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return IsImages(info.Name) ? "age > 30" : info.Target;
    }

    internal override PreparedDataset Prepare(DataRequest request) => IsImages(request.Dataset)
        ? UtkFacePipeline.Apply(UtkFaceSource.Read(request), request, age => age > 30 ? 1 : 0, centre: false, quirkSplit: null)
        : FfbTabularPipeline.Apply(DatasetLoader.LoadTabular(request.Dataset, DataDirectory.Locate(request.DataDirectory), request.VerifyChecksums), request);

    private static bool IsImages(string dataset) => string.Equals(dataset, "utkface", StringComparison.Ordinal);
}
