using System.Collections.Concurrent;
using System.Globalization;

namespace FairSharp.Training.Objectives;

/// <summary>
/// Every training method by name. Adding a method = one class + one <see cref="Register"/> line in the static
/// constructor (or a call from the assembly that defines it); the trainer loop never changes.
/// </summary>
public static class MethodRegistry
{
    /// <summary>Error text: unknown method (format: name, known names).</summary>
    public const string UnknownMethod = "unknown method '{0}' (expected one of: {1})";

    private static readonly ConcurrentDictionary<string, Func<ObjectiveSettings, ITrainingObjective>> Factories = new(StringComparer.Ordinal);

    static MethodRegistry()
    {
        Register("erm", _ => new ErmObjective());
        Register("gapreg", s => new GapRegObjective(s.Constraint, s.Lambda, s.GroupCount));
        Register("fairmixup", s => new FairMixupObjective(s.Constraint, s.Lambda));
        Register("adversarial", s => new AdversarialObjective(s.Lambda, s.GroupCount));
        Register("hsic", s => new HsicObjective(s.Lambda));
        Register("prejudice-remover", s => new PrejudiceRemoverObjective(s.Lambda, s.GroupCount));
        Register("fairer", s => new FairerObjective(s.Constraint, s.Lambda, s.LambdaAlign, s.GroupCount, alignNormWeights: s.AlignNormWeights));
    }

    /// <summary>Registered method names, sorted.</summary>
    public static IReadOnlyList<string> Names => Factories.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Adds (or replaces) a method.</summary>
    public static void Register(string name, Func<ObjectiveSettings, ITrainingObjective> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        Factories[name] = factory;
    }

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name) => name is not null && Factories.ContainsKey(name);

    /// <summary>Validates <paramref name="settings"/> and creates the method; throws <see cref="InvalidInputException"/>
    /// for an unknown name.</summary>
    public static ITrainingObjective Create(string name, ObjectiveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (name is null || !Factories.TryGetValue(name, out var factory))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownMethod, name, string.Join(", ", Names)));
        }

        settings.Validate();
        return factory(settings);
    }
}
