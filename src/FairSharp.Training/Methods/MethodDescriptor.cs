using System.Globalization;
using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>
/// Everything FairSharp knows about one training method, in one place: its name, its typed options with their defaults
/// (<see cref="Defaults"/>), the knobs the CLI and sweeps may set (<see cref="Knobs"/>), what it needs from the data
/// (<see cref="Sampling"/>) and its factory. The CLI's options, the sweep's axes, the trial id and result.json's
/// <c>method_options</c> are all derived from it. Register one with <see cref="MethodRegistry.Register"/>.
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

    /// <summary>The options record with every default.</summary>
    public abstract MethodOptions Defaults { get; }

    /// <summary>The method's knobs, in help order.</summary>
    public abstract IReadOnlyList<MethodKnob> Knobs { get; }

    /// <summary>True when the method has a fairness weight λ (knob <see cref="LambdaKnob"/>).</summary>
    public bool HasLambda => Knobs.Any(k => k.Name == LambdaKnob);

    /// <summary>The batches the method needs under <paramref name="constraint"/>, or null when any batches do.</summary>
    public abstract SamplingKind? Sampling(FairnessConstraint constraint);

    /// <summary>What the method changes in the <c>ffb</c> preset (FFB's <c>adv_gr</c>: no dropout, 250 steps), or
    /// <see cref="ProtocolDelta.None"/>.</summary>
    public abstract ProtocolDelta FfbDelta { get; }

    /// <summary>The knob called <paramref name="name"/>, or null.</summary>
    public MethodKnob? Knob(string name) => Knobs.FirstOrDefault(k => k.Name == name);

    /// <summary>The defaults with <paramref name="values"/> (knob name → text) applied. Throws
    /// <see cref="InvalidInputException"/> for a knob the method lacks or text that does not parse; the values are
    /// validated once, by the request that carries the options (<c>TrainRequest.Validate</c>).</summary>
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

    /// <summary>Creates the method's objective from validated <paramref name="options"/> (null = defaults).</summary>
    public ITrainingObjective Create(MethodOptions? options, MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GroupCount < 2)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, MethodContext.TooFewGroups, context.GroupCount));
        }

        return Build(options ?? Defaults, context);
    }

    /// <summary>Builds the objective (options already of the right type and validated).</summary>
    protected abstract ITrainingObjective Build(MethodOptions options, MethodContext context);
}

/// <summary>A method descriptor over a typed options record.</summary>
/// <typeparam name="TOptions">The method's options record.</typeparam>
/// <param name="name">Method name.</param>
/// <param name="summary">One line: what the method is and its source.</param>
/// <param name="defaults">The options with every default.</param>
/// <param name="knobs">The knobs over <typeparamref name="TOptions"/>.</param>
/// <param name="factory">Builds the objective.</param>
/// <param name="sampling">The batches the method needs per constraint (null: any).</param>
/// <param name="ffbDelta">What the method changes in the <c>ffb</c> preset (null: nothing).</param>
public sealed class MethodDescriptor<TOptions>(string name, string summary, TOptions defaults, IReadOnlyList<MethodKnob> knobs,
    Func<TOptions, MethodContext, ITrainingObjective> factory, Func<FairnessConstraint, SamplingKind?>? sampling = null,
    ProtocolDelta? ffbDelta = null) : MethodDescriptor
    where TOptions : MethodOptions
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Summary => summary;

    /// <inheritdoc />
    public override MethodOptions Defaults => defaults;

    /// <inheritdoc />
    public override IReadOnlyList<MethodKnob> Knobs => knobs;

    /// <inheritdoc />
    public override SamplingKind? Sampling(FairnessConstraint constraint) => sampling?.Invoke(constraint);

    /// <inheritdoc />
    public override ProtocolDelta FfbDelta => ffbDelta ?? ProtocolDelta.None;

    /// <inheritdoc />
    protected override ITrainingObjective Build(MethodOptions options, MethodContext context) => factory(
        options as TOptions ?? throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, WrongOptions, options.GetType().Name, name)),
        context);
}
