namespace FairSharp.Experiments.Sweeps;

/// <summary>A fixed list of methods (used to adapt a registry, and by tests).</summary>
public sealed class MethodCatalog : IMethodCatalog
{
    private readonly Dictionary<string, MethodInfo> _byName;

    /// <summary>Creates a catalogue of the given methods; names are case-sensitive and unique.</summary>
    public MethodCatalog(IEnumerable<MethodInfo> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        Methods = methods.ToArray();
        _byName = Methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<MethodInfo> Methods { get; }

    /// <inheritdoc />
    public MethodInfo? Find(string name) => _byName.GetValueOrDefault(name);
}
