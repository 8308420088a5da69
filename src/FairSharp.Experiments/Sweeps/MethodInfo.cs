using System.Text.Json.Serialization;
using FairSharp.Training.Methods;

namespace FairSharp.Experiments.Sweeps;

/// <summary>What a sweep needs to know about a training method: its name and which axes of the plan apply to it.</summary>
/// <param name="Name">Registry name (<c>erm</c>, <c>gapreg</c>, <c>fairmixup</c>, <c>fairer</c>, <c>tfs</c>, …).</param>
/// <param name="UsesLambda">True when the method has a fairness weight λ; a method without one (ERM) is planned once
/// per seed, at λ = 0, and drawn as a single reference point.</param>
/// <param name="UsesStitch">True for the stitch methods (<c>tfs</c>, <c>fdr</c>, <c>tfs-joint</c>;
/// <see cref="MethodKind.Stitch"/>): trained on a backbone's cached features, on their own batches (no sweep sampler).</param>
public sealed record MethodInfo(string Name, bool UsesLambda, bool UsesStitch)
{
    /// <summary>The method's descriptor when it has knobs a sweep can set (<c>--grid</c>) and that enter the trial id;
    /// null for methods without one.</summary>
    [JsonIgnore]
    public MethodDescriptor? Descriptor { get; init; }

    /// <summary>The method's knobs other than its weight λ (<see cref="MethodDescriptor.WeightKnob"/>: λ or α, the
    /// <c>--lambdas</c> axis).</summary>
    [JsonIgnore]
    public IReadOnlyList<MethodKnob> Knobs => Descriptor?.Knobs.Where(k => k.Name != Descriptor.WeightKnob).ToArray() ?? [];

    /// <summary>The canonical text of <paramref name="text"/> for knob <paramref name="knob"/> (so that 0.10 and 0.1
    /// are one value); throws <see cref="InvalidInputException"/> when it does not parse.</summary>
    public string Canonical(MethodKnob knob, string text)
    {
        ArgumentNullException.ThrowIfNull(knob);
        var defaults = Descriptor?.Defaults ?? throw new InvalidOperationException($"method {Name} has no descriptor");
        return knob.Format(knob.Apply(defaults, text));
    }
}
