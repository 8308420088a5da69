using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace FairSharp.Data.Tests;

/// <summary>The public API of FairSharp.Data is a contract the trainer and the sweep compile against: any change to it
/// must be deliberate (update FairSharp.Data.approved.txt in the same commit; FAIRSHARP_APPROVE=1 writes the current API there).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var api = typeof(DatasetLoader).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        var path = Path.Combine(SourceDirectory(), "FairSharp.Data.approved.txt");
        if (Environment.GetEnvironmentVariable("FAIRSHARP_APPROVE") == "1")
        {
            File.WriteAllText(path, Normalise(api) + "\n");
        }

        var approved = File.ReadAllText(path);
        Normalise(api).ShouldBe(Normalise(approved), "public API changed: review it and update FairSharp.Data.approved.txt");
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
