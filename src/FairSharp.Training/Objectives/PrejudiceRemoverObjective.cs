using FairSharp.Training.Penalties;

namespace FairSharp.Training.Objectives;

/// <summary><c>prejudice-remover</c>: BCE + λ·PI, Kamishima's prejudice index summed over the batch (FFB's PRLoss).</summary>
public sealed class PrejudiceRemoverObjective(double lambda, int groupCount)
    : PenalisedObjective(new PrejudiceRemoverPenalty(groupCount), lambda)
{
    /// <inheritdoc />
    public override string Name => "prejudice-remover";
}
