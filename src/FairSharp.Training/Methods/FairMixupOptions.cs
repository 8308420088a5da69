using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>Options of <c>fairmixup</c> (<see cref="FairMixupObjective"/>; Chuang and Mroueh, ICLR 2021).</summary>
/// <param name="Lambda">Weight λ of the path-smoothness penalty (default 1), ≥ 0.</param>
public sealed record FairMixupOptions(double Lambda = 1.0) : MethodOptions
{
    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<FairMixupOptions>("fairmixup",
        "BCE + λ·smoothness of the mixup path between the two groups (Chuang and Mroueh, ICLR 2021)", new FairMixupOptions(),
        [LambdaKnob.For<FairMixupOptions>("weight of the mixup penalty (default 1)", o => o.Lambda, (o, v) => o with { Lambda = v })],
        (o, c) => new FairMixupObjective(c.Constraint, o.Lambda), StratifiedBy);

    /// <inheritdoc />
    public override void Validate() => LambdaKnob.Validate(Lambda);

    /// <summary>Group strata for dp, (group, label) cells for eo and eopp: what Fair Mixup and FAIRER draw.</summary>
    internal static SamplingKind? StratifiedBy(FairnessConstraint constraint) =>
        constraint == FairnessConstraint.DemographicParity ? SamplingKind.ByGroup : SamplingKind.ByGroupAndLabel;
}
