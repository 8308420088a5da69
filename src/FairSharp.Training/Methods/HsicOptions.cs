using FairSharp.Training.Objectives;
using FairSharp.Training.Penalties;

namespace FairSharp.Training.Methods;

/// <summary>Options of <c>hsic</c> (<see cref="HsicObjective"/>; FFB's HSIC).</summary>
/// <param name="Lambda">Weight λ of HSIC (default 1), ≥ 0.</param>
/// <param name="SigmaScores">Kernel width σ_x of the scores (default 1, FFB's), &gt; 0.</param>
/// <param name="SigmaGroups">Kernel width σ_y of the group (default 1, FFB's), &gt; 0.</param>
public sealed record HsicOptions(double Lambda = 1.0, double SigmaScores = 1.0, double SigmaGroups = 1.0) : MethodOptions
{
    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<HsicOptions>("hsic",
        "BCE + λ·HSIC(scores, group) with Gaussian kernels (FFB's HSIC)", new HsicOptions(),
        [
            LambdaKnob.For<HsicOptions>("weight of HSIC (default 1)", o => o.Lambda, (o, v) => o with { Lambda = v }),
            MethodKnob.Number<HsicOptions>("sigma_scores", "kernel width of the scores (default 1, FFB's)", o => o.SigmaScores, (o, v) => o with { SigmaScores = v }),
            MethodKnob.Number<HsicOptions>("sigma_groups", "kernel width of the group (default 1, FFB's)", o => o.SigmaGroups, (o, v) => o with { SigmaGroups = v }),
        ],
        (o, _) => new HsicObjective(o.Lambda, new HsicPenalty(o.SigmaScores, o.SigmaGroups)));

    /// <inheritdoc />
    public override void Validate()
    {
        LambdaKnob.Validate(Lambda);
        Check.Positive(SigmaScores, "sigma_scores");
        Check.Positive(SigmaGroups, "sigma_groups");
    }
}
