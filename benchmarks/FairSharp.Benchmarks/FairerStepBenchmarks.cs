using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FairSharp.Training;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Benchmarks;

/// <summary>
/// Cost of one training step on the Adult EO batch shape of the Fair Mixup protocol (MLP 120 → 200 → 200 → 1,
/// 4 (group, label) cells × 500 rows, Adam lr 1e-3, λ_fair 1, λ_align 0.01), FairSharp vs the PyTorch reference
/// (benchmarks/reference/fairer_step_torch.py, same model, same batch shape, same threads), in one run:
/// <c>dotnet run -c Release --project benchmarks/FairSharp.Benchmarks -- --filter '*FairerStep*'</c>.
/// Inputs are seeded random binary rows (the Adult inputs are one-hot); timing does not depend on their values.
/// </summary>
[WarmupCount(3)]
[IterationCount(15)]
public class FairerStepBenchmarks
{
    /// <summary>Torch threads on both sides (env FAIRSHARP_BENCH_THREADS, default 2).</summary>
    internal static readonly int Threads = int.Parse(Environment.GetEnvironmentVariable("FAIRSHARP_BENCH_THREADS") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
    private const int PerCell = 500;
    private FairNetwork model = null!;
    private optim.Optimizer optimizer = null!;
    private BatchContext batch = null!;
    private Generator generator = null!;
    private ErmObjective erm = null!;
    private GapRegObjective gapreg = null!;
    private FairerObjective fairer = null!;
    private FairerObjective fairerAuthors = null!;
    private TorchReferenceProcess? reference;

    /// <summary>Builds the model, the batch and the objectives.</summary>
    [GlobalSetup(Targets = [nameof(ErmStep), nameof(GapRegStep), nameof(FairerStep), nameof(FairerStepAuthorsLayout)])]
    public void SetupFairSharp()
    {
        set_num_threads(Threads);
        manual_seed(0);
        model = new ModelSpec(ModelSpec.MlpName, [120], [200, 200]).Build();
        model.train();
        optimizer = new AdamOptimizer(model.parameters(), 1e-3);
        generator = new Generator(1);
        var x = rand([4 * PerCell, 120], generator: generator).lt(0.1).to(float32);
        var labels = Enumerable.Range(0, 4 * PerCell).Select(i => i / PerCell % 2).ToArray();
        var groups = Enumerable.Range(0, 4 * PerCell).Select(i => i / PerCell / 2).ToArray();
        var y = tensor(labels.Select(v => (float)v).ToArray());
        var g = tensor(groups.Select(v => (long)v).ToArray());
        batch = new BatchContext(x, y, g, labels, groups, 2);
        _ = batch.CellStrata;
        _ = batch.GroupStrata;
        erm = new ErmObjective();
        gapreg = new GapRegObjective(FairnessConstraint.EqualizedOdds, 1.0, 2);
        fairer = new FairerObjective(FairnessConstraint.EqualizedOdds, 2, new FairerOptions(1.0, 0.01));
        fairerAuthors = new FairerObjective(FairnessConstraint.EqualizedOdds, 2, new FairerOptions(1.0, 0.01, Passes: FairerPasses.Authors));
    }

    /// <summary>Starts the PyTorch reference process.</summary>
    [GlobalSetup(Targets = [nameof(TorchErmStep), nameof(TorchGgpaStep), nameof(TorchGgpaSharedStep)])]
    public void SetupTorch() => reference = new TorchReferenceProcess(Threads);

    /// <summary>The PyTorch child process (for CPU-time measurements), or null before <see cref="SetupTorch"/>.</summary>
    internal Process? ReferenceProcess => reference?.Process;

    /// <summary>Stops the reference process.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        reference?.Dispose();
        reference = null;
    }

    /// <summary>ERM: BCE on the 2000-row batch, backward, Adam step.</summary>
    [Benchmark(Baseline = true)]
    public double ErmStep() => Run(erm);

    /// <summary>GapReg (EO) on the same batch.</summary>
    [Benchmark]
    public double GapRegStep() => Run(gapreg);

    /// <summary>FAIRER GGPA step, default layout (per-cell passes shared by task loss, gap and gradients).</summary>
    [Benchmark]
    public double FairerStep() => Run(fairer);

    /// <summary>FAIRER GGPA step, the authors' layout (joint pass + 4 cell passes).</summary>
    [Benchmark]
    public double FairerStepAuthorsLayout() => Run(fairerAuthors);

    /// <summary>PyTorch 1.13: ERM step.</summary>
    [Benchmark]
    public void TorchErmStep() => reference!.Step("erm");

    /// <summary>PyTorch 1.13: the authors' GGPA step (joint pass + 4 cell passes).</summary>
    [Benchmark]
    public void TorchGgpaStep() => reference!.Step("ggpa");

    /// <summary>PyTorch 1.13: GGPA with FairSharp's shared layout.</summary>
    [Benchmark]
    public void TorchGgpaSharedStep() => reference!.Step("shared");

    // Exactly the trainer's step (TrainingStep), in a per-step dispose scope as the trainer does.
    private double Run(ITrainingObjective objective)
    {
        using var scope = NewDisposeScope();
        return TrainingStep.Run(model, objective, batch, optimizer, 0, generator, out _);
    }
}
