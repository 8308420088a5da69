using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary><c>erm</c> has no knobs: plain BCE.</summary>
public sealed record ErmOptions : MethodOptions
{
    /// <summary>The method.</summary>
    public static NetworkMethodDescriptor Descriptor { get; } = new MethodDescriptor<ErmOptions>("erm",
        "empirical risk minimisation: BCE only (the unconstrained reference)", new ErmOptions(), [], (_, _) => new ErmObjective());

    /// <inheritdoc />
    public override void Validate()
    {
    }
}
