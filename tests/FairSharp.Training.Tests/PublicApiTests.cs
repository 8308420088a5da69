using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace FairSharp.Training.Tests;

/// <summary>The whole public API of FairSharp.Training, every type, is the contract the FairSharp.Training package ships:
/// any change to it must be deliberate (update FairSharp.Training.approved.txt in the same commit;
/// FAIRSHARP_APPROVE=1 writes the current API there).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var api = typeof(Trainer).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        var path = Path.Combine(SourceDirectory(), "FairSharp.Training.approved.txt");
        if (Environment.GetEnvironmentVariable("FAIRSHARP_APPROVE") == "1")
        {
            File.WriteAllText(path, Normalise(api) + "\n");
        }

        Normalise(api).ShouldBe(Normalise(File.ReadAllText(path)), "public API changed: review it and update FairSharp.Training.approved.txt");
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
