using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>Options of <c>adversarial</c> (<see cref="AdversarialObjective"/>; FFB's <c>adv_gr</c>).</summary>
/// <param name="Lambda">Weight λ of the adversary's loss behind gradient reversal (default 1), ≥ 0.</param>
/// <param name="AdversaryWidth">Hidden width of the adversary (default 50, FFB's), ≥ 1.</param>
public sealed record AdversarialOptions(double Lambda = 1.0, int AdversaryWidth = 50) : MethodOptions
{
    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<AdversarialOptions>("adversarial",
        "BCE + λ·adversary's group loss through gradient reversal (FFB adv_gr)", new AdversarialOptions(),
        [
            LambdaKnob.For<AdversarialOptions>("weight of the adversary's loss (default 1)", o => o.Lambda, (o, v) => o with { Lambda = v }),
            MethodKnob.Integer<AdversarialOptions>("adversary_width", "hidden width of the adversary (default 50, FFB's)",
                o => o.AdversaryWidth, (o, v) => o with { AdversaryWidth = v }),
        ],
        (o, c) => new AdversarialObjective(o.Lambda, c.GroupCount, o.AdversaryWidth),
        ffbDelta: new ProtocolDelta(Dropout: 0, Steps: 250));

    /// <inheritdoc />
    public override void Validate()
    {
        LambdaKnob.Validate(Lambda);
        Check.AtLeastOne(AdversaryWidth, "adversary_width");
    }
}
