using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>Options of <c>gapreg</c> (<see cref="GapRegObjective"/>; FFB's DiffDP / DiffEOdd / DiffEOpp, Fair Mixup's GapReg).</summary>
/// <param name="Lambda">Weight λ of the gap (default 1, FFB's <c>--lam</c> default), ≥ 0.</param>
public sealed record GapRegOptions(double Lambda = 1.0) : MethodOptions
{
    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<GapRegOptions>("gapreg",
        "BCE + λ·gap of the group mean scores (FFB DiffDP/DiffEOdd/DiffEOpp; Fair Mixup's GapReg)", new GapRegOptions(),
        [LambdaKnob.For<GapRegOptions>("weight of the gap (default 1)", o => o.Lambda, (o, v) => o with { Lambda = v })],
        (o, c) => new GapRegObjective(c.Constraint, o.Lambda, c.GroupCount));

    /// <inheritdoc />
    public override void Validate() => LambdaKnob.Validate(Lambda);
}
