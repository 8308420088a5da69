using FairSharp.Training.Models;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary><c>erm</c>: empirical risk minimisation, BCE on the batch, no fairness term.</summary>
public sealed class ErmObjective : ObjectiveBase
{
    /// <inheritdoc />
    public override string Name => "erm";

    /// <inheritdoc />
    public override ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        return ObjectiveStep.Of(TaskLoss.Bce(model.forward(batch.X), batch.Y));
    }
}
