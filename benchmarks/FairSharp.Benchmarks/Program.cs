using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FairSharp.Benchmarks;

/// <summary>
/// Runs FairSharp's benchmarks: <c>dotnet run -c Release --project benchmarks/FairSharp.Benchmarks -- --filter '*'</c>.
/// Every job uses the in-process toolchain, so the benchmarked code loads the natives that this build patched
/// (eng/TorchSharpNativeFix.targets) instead of a freshly generated, unpatched project.
/// <c>-- csv-load</c>, <c>-- csv-read</c>, <c>-- predict-speed</c>, <c>-- onnx-speed</c> time the user's-data path (<see cref="CsvTimings"/>);
/// <c>-- tfs-reproduce …</c> runs the TFS reproduction driver instead (<see cref="Tfs.TfsReproduction"/>), and
/// <c>-- tfs-speed [threads]</c> one timed stitch-training run (<see cref="Tfs.StitchTrainingBenchmarks.TimeOnce"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // As the CLI does (FairSharp.Training.NativeHeap): benchmarks time what users run.
        FairSharp.Training.NativeHeap.KeepLargeBuffers();
        if (args.Length > 0 && args[0] == "quick")
        {
            QuickSteps.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
            return;
        }

        if (args.Length > 0 && args[0] == "csv-load")
        {
            CsvTimings.Load(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "csv-read")
        {
            CsvTimings.Read(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "predict-speed")
        {
            CsvTimings.Predict(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "onnx-speed")
        {
            CsvTimings.Onnx(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "tfs-speed")
        {
            if (args.Length > 1)
            {
                TorchSharp.torch.set_num_threads(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            }

            Tfs.StitchTrainingBenchmarks.TimeOnce();
            return;
        }

        if (args.Length > 0 && args[0] == "tfs-reproduce")
        {
            Environment.ExitCode = Tfs.TfsReproduction.Run(args[1..]);
            return;
        }

        // In-process runs are stopped after 5 minutes by default; on a shared 2-core machine a benchmark's GlobalSetup
        // (e.g. TrainingStepBenchmarks' PyTorch reference and BLAS peak) alone can take longer.
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
