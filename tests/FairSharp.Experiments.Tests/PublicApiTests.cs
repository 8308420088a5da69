using FairSharp.Experiments.Sweeps;
using PublicApiGenerator;

namespace FairSharp.Experiments.Tests;

/// <summary>The whole public API of FairSharp.Experiments, every type, is the contract its package ships: a change
/// shows up as FairSharp.Experiments.received.txt beside this file, to review and rename to .approved.txt.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var api = typeof(SweepRunner).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Approvals.Verify(api.ReplaceLineEndings("\n").Trim() + "\n", "FairSharp.Experiments", "txt");
    }
}
