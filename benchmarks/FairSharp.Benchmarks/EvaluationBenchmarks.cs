using BenchmarkDotNet.Attributes;
using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Models;
using static TorchSharp.torch;

namespace FairSharp.Benchmarks;

/// <summary>
/// Cost of one evaluation period of the trainer on Adult under the <c>ffb</c> protocol (validation split, FFB's MLP,
/// one torch thread unless FAIRSHARP_BENCH_THREADS says otherwise): the forward pass that gives the scores, and the
/// metric table computed from them. A sweep trial evaluates validation (and, for reporting, test) every period, so this
/// is a large share of a trial's time on tabular data:
/// <c>dotnet run -c Release --project benchmarks/FairSharp.Benchmarks -- --filter '*EvaluationBenchmarks*'</c>.
/// </summary>
[WarmupCount(3)]
[IterationCount(10)]
public class EvaluationBenchmarks
{
    private PreparedDataset data = null!;
    private FairNetwork model = null!;
    private SplitTensors validation = null!;
    private double[] scores = [];

    /// <summary>Loads Adult and builds an untrained FFB MLP.</summary>
    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(int.TryParse(Environment.GetEnvironmentVariable("FAIRSHARP_BENCH_THREADS"), out var t) && t > 0 ? t : 1);
        manual_seed(0);
        data = DatasetLoader.Prepare(new DataRequest("adult", ["sex"]));
        model = ModelSpec.FfbMlp(data.Train.RowSize).Build();
        validation = TensorConversion.ToTensors(data.Validation);
        scores = Forward().Select(p => (double)p).ToArray();
    }

    /// <summary>Scores of the validation split (eval mode, no grad).</summary>
    [Benchmark]
    public float[] Forward() => model.PredictProbabilities(validation.X);

    /// <summary>Every key of the metric table from those scores.</summary>
    [Benchmark]
    public ModelEvaluation Metrics() =>
        ModelEvaluator.Evaluate(data.Validation.Labels, scores, data.Validation.Groups, data.GroupNames);

    /// <summary>Releases the tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        validation.Dispose();
        model.Dispose();
    }
}
