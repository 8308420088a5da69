using System.Globalization;
using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>
/// Everything FairSharp knows about one method, in one place: its name, its <see cref="Kind"/>, its typed options with
/// their defaults (<see cref="Defaults"/>) and the knobs the CLI and sweeps may set (<see cref="Knobs"/>). The CLI's
/// options (<c>train</c> for network methods, <c>stitch</c> for stitch methods), the sweep's axes, the trial id and
/// result.json's <c>method_options</c> are all derived from it. Network methods are
/// <see cref="NetworkMethodDescriptor"/>s (an objective the training loop minimises); the stitch methods are
/// <see cref="Stitching.StitchMethodDescriptor"/>s (a stitched model fine-tuned on a trained backbone). Register one
/// with <see cref="MethodRegistry.Register"/>.
/// </summary>
public abstract class MethodDescriptor
{
    /// <summary>Name of the knob that carries a method's fairness weight λ (the sweep's <c>--lambdas</c> axis).</summary>
    public const string LambdaKnob = "lambda";

    /// <summary>Error text: options of another method (format: options type, method).</summary>
    public const string WrongOptions = "options of type {0} do not belong to method '{1}'";

    /// <summary>Error text: a knob the method does not have (format: knob, method, the method's knobs).</summary>
    public const string UnknownKnob = "{0} does not apply to method '{1}' (its options: {2})";

    /// <summary>Method name as the CLI spells it.</summary>
    public abstract string Name { get; }

    /// <summary>One line: what the method is and its source.</summary>
    public abstract string Summary { get; }

    /// <summary>What the method trains: a network from scratch, or a stitch on a trained backbone.</summary>
    public abstract MethodKind Kind { get; }

    /// <summary>The options record with every default.</summary>
    public abstract MethodOptions Defaults { get; }

    /// <summary>The method's knobs, in help order.</summary>
    public abstract IReadOnlyList<MethodKnob> Knobs { get; }

    /// <summary>The knob the sweep's <c>--lambdas</c> axis sets: the fairness weight (<see cref="LambdaKnob"/> for a
    /// penalty, <c>alpha</c> for a stitch method), or null for a method without one (erm).</summary>
    public virtual string? WeightKnob => Knob(LambdaKnob) is null ? null : LambdaKnob;

    /// <summary>True when the method has a fairness weight (<see cref="WeightKnob"/>).</summary>
    public bool HasLambda => WeightKnob is not null;

    /// <summary>The network method whose trained model this method starts from (<c>erm</c> for a stitch method: its
    /// backbone, trained on the same data and protocol), or null for a method that trains from scratch.</summary>
    public virtual string? Backbone => null;

    /// <summary>The knob called <paramref name="name"/>, or null.</summary>
    public MethodKnob? Knob(string name) => Knobs.FirstOrDefault(k => k.Name == name);

    /// <summary>The defaults with <paramref name="values"/> (knob name → text) applied. Throws
    /// <see cref="InvalidInputException"/> for a knob the method lacks or text that does not parse; the values are
    /// validated once, by the request that carries the options (<c>TrainRequest.Validate</c>, <c>StitchOptions.Validate</c>).</summary>
    public MethodOptions Configure(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var options = Defaults;
        foreach (var (name, text) in values)
        {
            var knob = Knob(name) ?? throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownKnob, name, Name,
                Knobs.Count == 0 ? "none" : string.Join(", ", Knobs.Select(k => k.Name))));
            options = knob.Apply(options, text);
        }

        return options;
    }

    /// <summary>Every knob's value in <paramref name="options"/> (knob name → value), sorted by name: what
    /// result.json records as <c>method_options</c>.</summary>
    public IReadOnlyDictionary<string, object> Describe(MethodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SortedDictionary<string, object>(Knobs.ToDictionary(k => k.Name, k => k.Value(options), StringComparer.Ordinal), StringComparer.Ordinal);
    }
}

/// <summary>What a method trains (<see cref="MethodDescriptor.Kind"/>).</summary>
public enum MethodKind
{
    /// <summary>A network trained from scratch under an objective (<c>fairsharp train</c>).</summary>
    Network,

    /// <summary>A stitched model fine-tuned on the cached representation of a trained backbone (<c>fairsharp stitch</c>).</summary>
    Stitch,
}
