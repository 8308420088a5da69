using System.Reflection;
using TorchSharp;

namespace FairSharp.Training.Checkpoints;

/// <summary>Versions of the code that trained a model, for manifests.</summary>
public static class PackageVersions
{
    /// <summary>FairSharp, TorchSharp, libtorch and .NET versions.</summary>
    public static IReadOnlyDictionary<string, string> Current() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["fairsharp"] = Version(typeof(PackageVersions).Assembly),
        ["torchsharp"] = Version(typeof(torch).Assembly),
        ["libtorch"] = torch.__version__,
        ["dotnet"] = Environment.Version.ToString(),
    };

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
