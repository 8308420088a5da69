using FairSharp.Training.Objectives;
using FairSharp.Training.Rationale;

namespace FairSharp.Training.Methods;

/// <summary>Options of <c>fairer</c> (<see cref="FairerObjective"/>; Li et al., ICML 2023, the authors' <c>CAIGA</c> code).</summary>
/// <param name="LambdaFair">λ_fair, weight of the gap (knob <c>lambda</c>, the authors' <c>--lam2</c>; default 1), ≥ 0.</param>
/// <param name="LambdaAlign">λ_align, weight of the parity alignment S (knob <c>lambda_align</c>, the authors' <c>--lam</c>;
/// default 0.01, their Adult value), ≥ 0.</param>
/// <param name="Pairing">Pairs of groups aligned when G &gt; 2 (default all pairs).</param>
/// <param name="Passes">Forward-pass layout (default shared; <c>authors</c> = their 5-pass layout).</param>
/// <param name="AlignNormWeights">Align the BatchNorm scales too (knob <c>align_norm_weights</c>; default true, as the
/// authors' code aligns every parameter named <c>weight</c>); false = conv and linear weights only.</param>
public sealed record FairerOptions(double LambdaFair = 1.0, double LambdaAlign = 0.01, GroupPairing Pairing = GroupPairing.AllPairs,
    FairerPasses Passes = FairerPasses.Shared, bool AlignNormWeights = true) : MethodOptions
{
    /// <summary>Knob name of <see cref="LambdaAlign"/>.</summary>
    public const string LambdaAlignKnob = "lambda_align";

    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<FairerOptions>("fairer",
        "BCE − λ_align·parity alignment of neuron influence + λ·gap (FAIRER, Li et al., ICML 2023)", new FairerOptions(),
        [
            LambdaKnob.For<FairerOptions>("λ_fair, weight of the gap (default 1)", o => o.LambdaFair, (o, v) => o with { LambdaFair = v }),
            MethodKnob.Number<FairerOptions>(LambdaAlignKnob, "λ_align, weight of the parity alignment (default 0.01)",
                o => o.LambdaAlign, (o, v) => o with { LambdaAlign = v }),
            MethodKnob.Choice<FairerOptions, GroupPairing>("pairing", "groups aligned when there are more than two: all-pairs (default) or worst-pair",
                ["all-pairs", "worst-pair"], [GroupPairing.AllPairs, GroupPairing.WorstPair], o => o.Pairing, (o, v) => o with { Pairing = v }),
            MethodKnob.Choice<FairerOptions, FairerPasses>("passes", "forward-pass layout: shared (default, 1 pass-equivalent) or authors (5 passes)",
                ["shared", "authors"], [FairerPasses.Shared, FairerPasses.Authors], o => o.Passes, (o, v) => o with { Passes = v }),
            MethodKnob.Choice<FairerOptions, bool>("align_norm_weights", "align the BatchNorm scales too: true (default, the authors' code) or false",
                ["true", "false"], [true, false], o => o.AlignNormWeights, (o, v) => o with { AlignNormWeights = v }),
        ],
        (o, c) => new FairerObjective(c.Constraint, c.GroupCount, o), FairMixupOptions.StratifiedBy);

    /// <inheritdoc />
    public override void Validate()
    {
        LambdaKnob.Validate(LambdaFair);
        Check.NonNegative(LambdaAlign, LambdaAlignKnob);
    }
}
