using System.Collections.Concurrent;
using System.Globalization;
using FairSharp.Training.Methods;
using FairSharp.Training.Stitching;

namespace FairSharp.Training.Objectives;

/// <summary>
/// Every method by name, as a <see cref="MethodDescriptor"/>: the network methods (<c>fairsharp train</c>) and the stitch
/// methods (<c>fairsharp stitch</c>) alike. Adding a method = one options record with its descriptor + one objective
/// class + one <see cref="Register"/> line here (or a call from the assembly that defines it); the trainer loop, the
/// CLI and the sweep never change.
/// </summary>
public static class MethodRegistry
{
    /// <summary>Error text: unknown method (format: name, known names).</summary>
    public const string UnknownMethod = "unknown method '{0}' (expected one of: {1})";

    /// <summary>Error text: a method of the other kind (format: name, its kind's command, the expected names).</summary>
    public const string OtherKind = "'{0}' is a method of 'fairsharp {1}' (expected one of: {2})";

    private static readonly ConcurrentDictionary<string, MethodDescriptor> Descriptors = new(StringComparer.Ordinal);

    static MethodRegistry()
    {
        Register(ErmOptions.Descriptor);
        Register(GapRegOptions.Descriptor);
        Register(FairMixupOptions.Descriptor);
        Register(AdversarialOptions.Descriptor);
        Register(HsicOptions.Descriptor);
        Register(PrejudiceRemoverOptions.Descriptor);
        Register(FairerOptions.Descriptor);
        Register(DiffMcdpOptions.Descriptor);
        foreach (var stitch in StitchMethodDescriptor.All)
        {
            Register(stitch);
        }
    }

    /// <summary>Registered method names, sorted.</summary>
    public static IReadOnlyList<string> Names => Descriptors.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registered methods, sorted by name.</summary>
    public static IReadOnlyList<MethodDescriptor> Methods => Names.Select(n => Descriptors[n]).ToArray();

    /// <summary>Registered method names of <paramref name="kind"/>, sorted.</summary>
    public static IReadOnlyList<string> NamesOf(MethodKind kind) => Methods.Where(d => d.Kind == kind).Select(d => d.Name).ToArray();

    /// <summary>Adds (or replaces) a method.</summary>
    public static void Register(MethodDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Descriptors[descriptor.Name] = descriptor;
    }

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name) => name is not null && Descriptors.ContainsKey(name);

    /// <summary>The method called <paramref name="name"/>; throws <see cref="InvalidInputException"/> for an unknown name.</summary>
    public static MethodDescriptor Get(string name) =>
        name is not null && Descriptors.TryGetValue(name, out var descriptor)
            ? descriptor
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownMethod, name, string.Join(", ", Names)));

    /// <summary>The network method called <paramref name="name"/>; throws <see cref="InvalidInputException"/> for an
    /// unknown name or a stitch method.</summary>
    public static NetworkMethodDescriptor Network(string name) => Of<NetworkMethodDescriptor>(name, MethodKind.Network, "stitch");

    /// <summary>The stitch method called <paramref name="name"/>; throws <see cref="InvalidInputException"/> for an
    /// unknown name or a network method.</summary>
    public static StitchMethodDescriptor Stitch(string name) => Of<StitchMethodDescriptor>(name, MethodKind.Stitch, "train");

    private static T Of<T>(string name, MethodKind kind, string otherCommand)
        where T : MethodDescriptor
    {
        var names = string.Join(", ", NamesOf(kind));
        return name is not null && Descriptors.TryGetValue(name, out var descriptor)
            ? descriptor as T ?? throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, OtherKind, name, otherCommand, names))
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownMethod, name, names));
    }

    /// <summary>Creates the network method <paramref name="name"/> with <paramref name="options"/> (null = its defaults).</summary>
    public static ITrainingObjective Create(string name, MethodOptions? options, MethodContext context) => Network(name).Create(options, context);
}
