using FairSharp.Data.Catalogue;
using FairSharp.Data.Images;

namespace FairSharp.Data.Protocols;

/// <summary>
/// <c>tfs</c>, The Fairness Stitch's UTKFace protocol (utkface only): y = young (age ≤ 35), the per-(y, group) split
/// counts of the TFS code scaled to this data (or a stratified 60/20/20 split), images normalised to [−1, 1]
/// (<see cref="UtkFacePipeline"/>).
/// </summary>
public sealed class TfsProtocol : DataProtocol
{
    /// <summary>The protocol's name.</summary>
    public const string ProtocolName = "tfs";

    internal TfsProtocol()
    {
    }

    /// <inheritdoc />
    public override string Name => ProtocolName;

    /// <inheritdoc />
    public override string Description =>
        "The Fairness Stitch's UTKFace protocol: y = young (age <= 35), the TFS code's per-(y, group) split counts "
        + "(or a stratified 60/20/20 split), images normalised to [-1, 1]";

    /// <inheritdoc />
    public override IReadOnlyList<string> Datasets { get; } = ["utkface"];

    /// <inheritdoc />
    public override (double Train, double Validation, double Test) DefaultFractions(string dataset) => (0.6, 0.2, 0.2);

    /// <inheritdoc />
    public override string Target(DatasetInfo info) => "young = age <= 35";

    internal override PreparedDataset Prepare(DataRequest request) => UtkFacePipeline.Apply(UtkFaceSource.Read(request), request, tfs: true);
}
