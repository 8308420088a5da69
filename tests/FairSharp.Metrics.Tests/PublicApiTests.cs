using PublicApiGenerator;

namespace FairSharp.Metrics.Tests;

/// <summary>
/// The public API of FairSharp.Metrics is a contract (the trainer, sweeps and the CLI compile against it). Any change shows
/// up as a diff against FairSharp.Metrics.approved.txt; to accept it, copy FairSharp.Metrics.received.txt over the approved file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_is_approved()
    {
        var api = typeof(MetricKeys).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        var folder = Path.Combine(SourceFolder(), "Approved");
        var approvedPath = Path.Combine(folder, "FairSharp.Metrics.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : "";
        if (api != approved)
        {
            File.WriteAllText(Path.Combine(folder, "FairSharp.Metrics.received.txt"), api);
        }

        api.ShouldBe(approved);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
