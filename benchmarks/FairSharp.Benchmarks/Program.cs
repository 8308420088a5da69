using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FairSharp.Benchmarks;

/// <summary>
/// Runs FairSharp's benchmarks: <c>dotnet run -c Release --project benchmarks/FairSharp.Benchmarks -- --filter '*'</c>.
/// Every job uses the in-process toolchain, so the benchmarked code loads the natives that this build patched
/// (eng/TorchSharpNativeFix.targets) instead of a freshly generated, unpatched project.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
        {
            QuickSteps.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
            return;
        }

        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
