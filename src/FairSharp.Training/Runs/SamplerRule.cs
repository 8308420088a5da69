using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;

namespace FairSharp.Training.Runs;

/// <summary>The sampler a set of methods trains on, and why (what plan.json, result.json and report.md state).</summary>
/// <param name="Sampling">The sampler every method uses, or null for each method's own (its protocol's, unless it needs
/// stratified batches).</param>
/// <param name="Reason">One line: why this sampler.</param>
public sealed record SamplerChoice(SamplingKind? Sampling, string Reason);

/// <summary>
/// The one rule that decides which batches methods see. A single run uses its protocol's sampler unless the method
/// needs stratified batches. A comparison of several methods (a sweep) uses ONE sampler for all of them: if any method
/// needs stratified batches, every method gets those (the same rows per step for a given seed), so that a difference
/// between methods is the difference of their objectives, not of their batches. Mixing samplers is possible only when
/// asked for, and is then stated as such.
/// </summary>
public static class SamplerRule
{
    /// <summary>Snake-case name of a sampler (<c>shuffled</c>, <c>by_group</c>, <c>by_group_and_label</c>).</summary>
    public static string Name(SamplingKind sampling) => sampling switch
    {
        SamplingKind.ByGroup => "by_group",
        SamplingKind.ByGroupAndLabel => "by_group_and_label",
        _ => "shuffled",
    };

    /// <summary>Parses <see cref="Name"/>'s text; throws <see cref="InvalidInputException"/> otherwise.</summary>
    public static SamplingKind Parse(string name) =>
        (SamplingKind)Check.OneOf(name, [Name(SamplingKind.Shuffled), Name(SamplingKind.ByGroup), Name(SamplingKind.ByGroupAndLabel)], "sampling");

    /// <summary>The sampler of one run of <paramref name="method"/> under a protocol whose sampler is
    /// <paramref name="protocolSampling"/>.</summary>
    public static SamplerChoice ForRun(NetworkMethodDescriptor method, FairnessConstraint constraint, string protocol, SamplingKind protocolSampling)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Sampling(constraint) is { } needed
            ? new SamplerChoice(needed, $"{method.Name} needs {Name(needed)} batches under {constraint.ToName()}")
            : new SamplerChoice(protocolSampling, $"the {protocol} protocol's {Name(protocolSampling)} batches");
    }

    /// <summary>The one sampler of a comparison of <paramref name="methods"/>: the stratified sampler one of them needs
    /// (every method then uses it), or null (each its protocol's, which is then the same for all). With
    /// <paramref name="allowMixed"/> every method keeps its own and the choice says so.</summary>
    public static SamplerChoice ForComparison(IReadOnlyList<NetworkMethodDescriptor> methods, FairnessConstraint constraint, bool allowMixed)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var needing = methods.Where(m => m.Sampling(constraint) is not null).ToArray();
        if (needing.Length == 0)
        {
            return new SamplerChoice(null, "no method needs stratified batches: every method uses the protocol's batches");
        }

        var needed = needing[0].Sampling(constraint)!.Value;
        var names = string.Join(", ", needing.Select(m => m.Name));
        if (allowMixed)
        {
            return new SamplerChoice(null, $"MIXED (--mixed-samplers): {names} train on {Name(needed)} batches, the other methods on the protocol's; "
                + "differences between them mix objective, sampler and rows per step");
        }

        return new SamplerChoice(needed, $"{names} need {Name(needed)} batches under {constraint.ToName()}: every method uses them, "
            + "so all see the same batches (same rows per step) for a seed");
    }
}
