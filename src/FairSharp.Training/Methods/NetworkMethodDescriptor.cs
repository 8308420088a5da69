using System.Globalization;
using FairSharp.Training.Objectives;

namespace FairSharp.Training.Methods;

/// <summary>A method that trains a network from scratch: what it needs from the data (<see cref="Sampling"/>), what it
/// changes in the <c>ffb</c> preset (<see cref="FfbDelta"/>) and the factory of its objective (<see cref="Create"/>).</summary>
public abstract class NetworkMethodDescriptor : MethodDescriptor
{
    /// <inheritdoc />
    public override MethodKind Kind => MethodKind.Network;

    /// <summary>The batches the method needs under <paramref name="constraint"/>, or null when any batches do.</summary>
    public abstract SamplingKind? Sampling(FairnessConstraint constraint);

    /// <summary>What the method changes in the <c>ffb</c> preset (FFB's <c>adv_gr</c>: no dropout, 250 steps), or
    /// <see cref="ProtocolDelta.None"/>.</summary>
    public abstract ProtocolDelta FfbDelta { get; }

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

/// <summary>A network method over a typed options record.</summary>
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
    ProtocolDelta? ffbDelta = null) : NetworkMethodDescriptor
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
