using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FairSharp.Benchmarks;

/// <summary>
/// Runs FairSharp's benchmarks: <c>dotnet run -c Release --project benchmarks/FairSharp.Benchmarks -- --filter '*'</c>.
/// Every job uses the in-process toolchain, so the benchmarked code loads the natives that this build patched
/// (eng/TorchSharpNativeFix.targets) instead of a freshly generated, unpatched project.
/// <c>-- tfs-reproduce …</c> runs the TFS reproduction driver instead (<see cref="Tfs.TfsReproduction"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "tfs-reproduce")
        {
            Environment.ExitCode = Tfs.TfsReproduction.Run(args[1..]);
            return;
        }

        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
