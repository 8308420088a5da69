using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>What an objective computed for one training step.</summary>
/// <param name="Loss">The scalar loss to back-propagate.</param>
/// <param name="Diagnostics">Named numbers worth logging (e.g. <c>task_loss</c>, <c>penalty</c>, FAIRER's alignment
/// and per-layer cosines); empty when there are none.</param>
public sealed record ObjectiveStep(Tensor Loss, IReadOnlyDictionary<string, double> Diagnostics)
{
    /// <summary>A step with no diagnostics.</summary>
    public static ObjectiveStep Of(Tensor loss) => new(loss, EmptyDiagnostics);

    private static readonly IReadOnlyDictionary<string, double> EmptyDiagnostics = new Dictionary<string, double>();
}
