using FairSharp.Training.Penalties;

namespace FairSharp.Training.Objectives;

/// <summary><c>hsic</c>: BCE + λ·HSIC(scores, group) with Gaussian kernels of width 1 (FFB's HSIC, runnable on any device).</summary>
public sealed class HsicObjective(double lambda) : PenalisedObjective(new HsicPenalty(), lambda)
{
    /// <inheritdoc />
    public override string Name => "hsic";
}
