using FairSharp.Training.Rationale;

namespace FairSharp.Experiments.Rationale;

/// <summary>What <c>fairsharp rationale</c> computed (written as <c>rationale.json</c>).</summary>
/// <param name="Definition">How the parity score is defined (a reconstruction, see <see cref="ParityReport.Definition"/>).</param>
/// <param name="Split">Split measured.</param>
/// <param name="Partition">Strata compared.</param>
/// <param name="Influence">Influence measure.</param>
/// <param name="Models">One report per model folder, in the order given.</param>
public sealed record RationaleResult(
    string Definition,
    string Split,
    RationalePartition Partition,
    InfluenceKind Influence,
    IReadOnlyList<ModelRationale> Models);
