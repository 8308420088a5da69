using FairSharp.Training.Penalties;

namespace FairSharp.Training.Objectives;

/// <summary><c>hsic</c>: BCE + λ·HSIC(scores, group) with Gaussian kernels (FFB's HSIC, runnable on any device).</summary>
/// <param name="lambda">Weight λ of HSIC.</param>
/// <param name="penalty">The HSIC penalty (default: kernel widths 1, FFB's).</param>
public sealed class HsicObjective(double lambda, HsicPenalty? penalty = null) : PenalisedObjective(penalty ?? new HsicPenalty(), lambda)
{
    /// <inheritdoc />
    public override string Name => "hsic";
}
