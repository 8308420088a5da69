using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FairSharp.Data;
using FairSharp.Training;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Benchmarks;

/// <summary>
/// One training step of FFB's tabular MLP (d → 512 → 256 → 64 → 1, dropout 0.5, Adam 1e-2, StepLR(50, 0.1) per step,
/// batch 1024) on Adult (ffb protocol, seed 0), exactly as the Trainer runs it (<see cref="TrainingStep"/>), for ERM
/// and GapReg (DiffDP, λ = 1). GlobalSetup runs the PyTorch reference (benchmarks/reference/training_steps_pytorch.py)
/// on the same data with the same thread count and measures the BLAS's achievable peak; the summary shows PyTorch's
/// ms/step, the ratio and the FLOP-bound floor. Dropout masks are torch's own, drawn in
/// managed code (<c>ManagedDropout</c>; bit for bit the masks of the PyTorch reference's <c>bernoulli_</c> on this CPU). Threads: FAIRSHARP_BENCH_THREADS (default 2; the driver script passes 1). CPU-time columns: user + system time per step of each process.
/// Run: benchmarks/reference/run_training_steps.sh [threads].
/// </summary>
[Config(typeof(Columns))]
[WarmupCount(5)]
[IterationCount(15)]
public class TrainingStepBenchmarks
{
    private const int Batch = 1024;
    private static readonly ConcurrentDictionary<string, double> PyTorchMs = new();
    private static readonly ConcurrentDictionary<string, double> FloorMs = new();
    private static readonly ConcurrentDictionary<string, double> StepFlops = new();
    private static readonly ConcurrentDictionary<string, double> PyTorchCpuMs = new();
    private static readonly ConcurrentDictionary<string, double> FairSharpCpuMs = new();
    private static double peakFlopsPerSecond;
    private static string? exportDir;
    private static PreparedDataset? data;

    private FairNetwork? model;
    private ITrainingObjective? objective;
    private optim.Optimizer? optimizer;
    private optim.lr_scheduler.LRScheduler? scheduler;
    private SplitTensors? train;
    private Generator? generator;
    private IEnumerator<int[]>? batches;
    private ShuffledBatchSampler? sampler;
    private int samplerEpoch;

    /// <summary>Method (objective) whose step is timed.</summary>
    [Params("erm", "gapreg")]
    public string Objective { get; set; } = "erm";

    private static int Threads => int.TryParse(Environment.GetEnvironmentVariable("FAIRSHARP_BENCH_THREADS"), out var t) && t > 0 ? t : 2;

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        data ??= DatasetLoader.Prepare(new DataRequest("adult", ["sex"]));
        var split = data.Train;
        exportDir ??= Export(split);
        if (peakFlopsPerSecond == 0)
        {
            peakFlopsPerSecond = MeasurePeak();
        }

        var flops = Flops(split.RowSize);
        StepFlops[Objective] = flops;
        FloorMs[Objective] = flops / peakFlopsPerSecond * 1000;
        if (!PyTorchMs.ContainsKey(Objective))
        {
            PyTorchMs[Objective] = RunPyTorch(Objective);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {Objective}: PyTorch {PyTorchMs[Objective]:F2} ms/step; {flops / 1e6:F1} MFLOP/step; BLAS peak {peakFlopsPerSecond / 1e9:F1} GFLOP/s on {Threads} threads → floor {FloorMs[Objective]:F2} ms"));

        manual_seed(0);
        model = ModelSpec.FfbMlp(split.RowSize).Build();
        model.train();
        objective = MethodRegistry.Create(Objective, null, new MethodContext(FairnessConstraint.DemographicParity, 2));
        optimizer = new AdamOptimizer(model.parameters().Concat(objective.Attach(model)), 1e-2);
        scheduler = optim.lr_scheduler.StepLR(optimizer, 50, 0.1);
        train = TensorConversion.ToTensors(split);
        generator = new Generator(0, CPU);
        sampler = new ShuffledBatchSampler(split.Count, Batch, 0);
        batches = sampler.Epoch(0).GetEnumerator();

        // CPU time per step (user + system of this process): the comparable number when the machine is oversubscribed.
        // 30 warm-up steps: tiered JIT recompiles in the background during the first ones, and its CPU time would
        // otherwise be charged to the steps.
        for (var i = 0; i < 30; i++)
        {
            Step();
        }

        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        const int cpuSteps = 30;
        for (var i = 0; i < cpuSteps; i++)
        {
            Step();
        }

        process.Refresh();
        FairSharpCpuMs[Objective] = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / cpuSteps;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {Objective}: CPU ms/step FairSharp {FairSharpCpuMs[Objective]:F2} vs PyTorch {PyTorchCpuMs.GetValueOrDefault(Objective, double.NaN):F2}"));
    }

    [Benchmark(Description = "train step (FairSharp)")]
    public double Step()
    {
        while (!batches!.MoveNext())
        {
            batches = sampler!.Epoch(++samplerEpoch).GetEnumerator();
        }

        using var scope = NewDisposeScope();
        var batch = BatchContext.FromRows(train!, data!.Train, batches.Current, data.GroupNames.Count);
        var loss = TrainingStep.Run(model!, objective!, batch, optimizer!, 0, generator!, out _);
        scheduler!.step();
        return loss;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        train?.Dispose();
        optimizer?.Dispose();
        objective?.Dispose();
        model?.Dispose();
        generator?.Dispose();
    }

    /// <summary>FLOPs of one step: 2 × the matmul MACs of an ERM step (<see cref="GgpaWork.Erm"/>: forward, weight
    /// gradients of every layer, input gradients of every layer but the first) plus Adam's ~12 FLOPs per parameter.</summary>
    public static double Flops(int features)
    {
        int[] widths = [features, 512, 256, 64, 1];
        double parameters = 0;
        for (var l = 0; l < widths.Length - 1; l++)
        {
            parameters += (widths[l] * widths[l + 1]) + widths[l + 1];
        }

        return (2 * GgpaWork.Erm(Batch, widths)) + (12 * parameters);
    }

    /// <summary>Achievable matmul throughput of this process's torch threads, from CPU time (user + system) per
    /// 1024³ matmul divided by the thread count, so that other load on the machine does not lower it.</summary>
    private static double MeasurePeak()
    {
        using var scope = NewDisposeScope();
        var a = randn(1024, 1024);
        var b = randn(1024, 1024);
        var process = Process.GetCurrentProcess();
        var best = double.MaxValue;
        for (var i = 0; i < 10; i++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var k = 0; k < 3; k++)
            {
                using var c = a.mm(b);
                _ = c[0, 0].ToSingle();
            }

            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - start).TotalSeconds / 3 / Threads);
        }

        return 2.0 * 1024 * 1024 * 1024 / best;
    }

    private static string Export(DataSplit split)
    {
        var dir = Directory.CreateTempSubdirectory("fairsharp-steps-").FullName;
        using (var x = new BinaryWriter(File.Create(Path.Combine(dir, "x.f32"))))
        {
            foreach (var v in split.Features)
            {
                x.Write(v);
            }
        }

        using (var y = new BinaryWriter(File.Create(Path.Combine(dir, "y.i32"))))
        using (var s = new BinaryWriter(File.Create(Path.Combine(dir, "s.i32"))))
        {
            for (var i = 0; i < split.Count; i++)
            {
                y.Write(split.Labels[i]);
                s.Write(split.Groups[i]);
            }
        }

        File.WriteAllText(Path.Combine(dir, "meta.json"), JsonSerializer.Serialize(new { rows = split.Count, features = split.RowSize, batch = Batch }));
        return dir;
    }

    private static double RunPyTorch(string method)
    {
        var script = Path.Combine(FairSharp.Data.Catalogue.DataDirectory.Locate(), "..", "benchmarks", "reference", "training_steps_pytorch.py");
        // The same interpreter rule as the FAIRER benchmark (TorchReferenceProcess): python3 from PATH may be one without
        // Debian's torch, and a silent NaN column reads like a result.
        var python = Environment.GetEnvironmentVariable("FAIRSHARP_PYTHON") ?? "/usr/bin/python3";
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.GetFullPath(script), exportDir!, method, Threads.ToString(CultureInfo.InvariantCulture), "30", "3" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OPENBLAS_NUM_THREADS"] = Threads.ToString(CultureInfo.InvariantCulture);
        info.Environment["OMP_NUM_THREADS"] = Threads.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the PyTorch reference ({python} {Path.GetFileName(script)}) exited with code {process.ExitCode}: {error.Trim()}");
        }

        Console.WriteLine("// PyTorch reference: " + output.Trim());
        using var json = JsonDocument.Parse(output);
        PyTorchCpuMs[method] = json.RootElement.GetProperty("cpu_ms_per_step").GetDouble();
        return json.RootElement.GetProperty("ms_per_step").GetDouble();
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(
                new ReferenceColumn("PyTorch ms/step", (_, method) => PyTorchMs.GetValueOrDefault(method, double.NaN)),
                new ReferenceColumn("FairSharp/PyTorch", (ms, method) => ms / PyTorchMs.GetValueOrDefault(method, double.NaN)),
                new ReferenceColumn("MFLOP/step", (_, method) => StepFlops.GetValueOrDefault(method, double.NaN) / 1e6),
                new ReferenceColumn("floor ms", (_, method) => FloorMs.GetValueOrDefault(method, double.NaN)),
                new ReferenceColumn("FairSharp/floor", (ms, method) => ms / FloorMs.GetValueOrDefault(method, double.NaN)),
                new ReferenceColumn("FairSharp CPU/floor", (_, method, key) => FairSharpCpuMs.GetValueOrDefault(key, double.NaN) / Threads / FloorMs.GetValueOrDefault(method, double.NaN)),
                new ReferenceColumn("PyTorch CPU ms/step", (_, method) => PyTorchCpuMs.GetValueOrDefault(method, double.NaN)),
                new ReferenceColumn("FairSharp CPU ms/step", (_, _, key) => FairSharpCpuMs.GetValueOrDefault(key, double.NaN)),
                new ReferenceColumn("CPU ratio", (_, method, key) => FairSharpCpuMs.GetValueOrDefault(key, double.NaN) / PyTorchCpuMs.GetValueOrDefault(method, double.NaN)));
        }
    }

    /// <summary>A summary column computed from FairSharp's median ms/step and the method's reference numbers (and the
    /// case's key, its method, for FairSharp's own CPU time).</summary>
    private sealed class ReferenceColumn(string name, Func<double, string, string, double> value) : IColumn
    {
        public ReferenceColumn(string name, Func<double, string, double> value) : this(name, (ms, method, _) => value(ms, method))
        {
        }

        public string Id => "TrainingStep." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var median = summary[benchmarkCase]?.ResultStatistics?.Median;
            var method = benchmarkCase.Parameters["Objective"] as string ?? "";
            var key = method;
            var ms = median is { } ns ? ns / 1e6 : double.NaN;
            return value(ms, method, key).ToString("F2", CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
