using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>Options of <c>prejudice-remover</c> (<see cref="PrejudiceRemoverObjective"/>; Kamishima et al. 2012, as in FFB).</summary>
/// <param name="Lambda">Weight λ of the mutual-information term (default 1), ≥ 0.</param>
public sealed record PrejudiceRemoverOptions(double Lambda = 1.0) : MethodOptions
{
    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<PrejudiceRemoverOptions>("prejudice-remover",
        "BCE + λ·prejudice index (Kamishima et al. 2012, FFB's PR)", new PrejudiceRemoverOptions(),
        [LambdaKnob.For<PrejudiceRemoverOptions>("weight of the prejudice index (default 1)", o => o.Lambda, (o, v) => o with { Lambda = v })],
        (o, c) => new PrejudiceRemoverObjective(o.Lambda, c.GroupCount));

    /// <inheritdoc />
    public override void Validate() => LambdaKnob.Validate(Lambda);
}
