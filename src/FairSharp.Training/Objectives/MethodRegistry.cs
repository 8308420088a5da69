using System.Collections.Concurrent;
using System.Globalization;
using FairSharp.Training.Methods;

namespace FairSharp.Training.Objectives;

/// <summary>
/// Every training method by name, as a <see cref="MethodDescriptor"/>. Adding a method = one options record with its
/// descriptor + one objective class + one <see cref="Register"/> line here (or a call from the assembly that defines
/// it); the trainer loop, the CLI and the sweep never change.
/// </summary>
public static class MethodRegistry
{
    /// <summary>Error text: unknown method (format: name, known names).</summary>
    public const string UnknownMethod = "unknown method '{0}' (expected one of: {1})";

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
    }

    /// <summary>Registered method names, sorted.</summary>
    public static IReadOnlyList<string> Names => Descriptors.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registered methods, sorted by name.</summary>
    public static IReadOnlyList<MethodDescriptor> Methods => Names.Select(n => Descriptors[n]).ToArray();

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

    /// <summary>Creates the method <paramref name="name"/> with <paramref name="options"/> (null = its defaults).</summary>
    public static ITrainingObjective Create(string name, MethodOptions? options, MethodContext context) => Get(name).Create(options, context);
}
