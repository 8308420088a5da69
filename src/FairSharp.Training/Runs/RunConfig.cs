using FairSharp.Training.Models;
using FairSharp.Training.Objectives;

namespace FairSharp.Training.Runs;

/// <summary>The full, resolved configuration of a run as plain values (what result.json and manifest.json record).</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Sensitive">Sensitive attributes.</param>
/// <param name="Protocol">Protocol preset.</param>
/// <param name="Method">Method name.</param>
/// <param name="Constraint">Constraint (<c>dp</c>, <c>eo</c>, <c>eopp</c>).</param>
/// <param name="MethodOptions">Every knob of the method and its value (knob name → number or name), sorted; only the
/// knobs the method has (erm: none).</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Device">Device name.</param>
/// <param name="Model">Architecture.</param>
/// <param name="Optimizer">Optimiser.</param>
/// <param name="LearningRate">Learning rate.</param>
/// <param name="Momentum">SGD momentum (unused by Adam).</param>
/// <param name="WeightDecay">Weight decay.</param>
/// <param name="StepLrPeriod">StepLR period, or null.</param>
/// <param name="StepLrGamma">StepLR factor.</param>
/// <param name="Unit">Schedule unit.</param>
/// <param name="Steps">Steps (step schedules).</param>
/// <param name="Epochs">Epochs (epoch schedules).</param>
/// <param name="EvaluateEvery">Steps between evaluations (step schedules).</param>
/// <param name="Sampling">Sampling actually used.</param>
/// <param name="SamplingReason">Why that sampler (<see cref="SamplerRule"/>).</param>
/// <param name="BatchSize">Requested batch size (per stratum when stratified), before clamping.</param>
/// <param name="IterationsPerEpoch">Stratified draws per epoch, or null.</param>
/// <param name="EarlyStopping">Early stopping, or null.</param>
/// <param name="Selection">Selection rule description.</param>
/// <param name="Threshold">Decision threshold of the thresholded metrics.</param>
/// <param name="Comparison">The comparison, e.g. <c>score &gt;= 0.5</c>.</param>
public sealed record RunConfig(
    string Dataset,
    IReadOnlyList<string> Sensitive,
    string Protocol,
    string Method,
    string Constraint,
    IReadOnlyDictionary<string, object> MethodOptions,
    int Seed,
    string Device,
    ModelSpec Model,
    OptimizerKind Optimizer,
    double LearningRate,
    double Momentum,
    double WeightDecay,
    int? StepLrPeriod,
    double StepLrGamma,
    ScheduleUnit Unit,
    int Steps,
    int Epochs,
    int EvaluateEvery,
    SamplingKind Sampling,
    string SamplingReason,
    int BatchSize,
    int? IterationsPerEpoch,
    EarlyStopping? EarlyStopping,
    string Selection,
    double Threshold,
    string Comparison)
{
    /// <summary>The random stream that drew the split: <c>numpy</c> (<c>--numpy-split</c>: numpy's legacy
    /// <c>np.random.seed(s); np.random.permutation(n)</c>, aif360's split, fairmixup protocol) or <c>dotnet</c>
    /// (.NET's <see cref="Random"/> seeded with the run's seed).</summary>
    public string Split { get; init; } = "dotnet";

    /// <summary>Collects the configuration of a resolved run.</summary>
    public static RunConfig Of(TrainRequest request, TrainingPlan plan, SamplerChoice sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        var t = plan.Trainer;
        return new RunConfig(request.Dataset, request.Sensitive, request.Protocol, request.Method, request.Constraint.ToName(),
            request.Descriptor.Describe(request.ResolvedOptions), request.Seed, t.Device, plan.Model, t.Optimizer, t.LearningRate, t.Momentum,
            t.WeightDecay, t.StepLrPeriod, t.StepLrGamma, t.Unit, t.Steps, t.Epochs, t.EvaluateEvery, sampler.Sampling ?? t.Sampling, sampler.Reason, t.BatchSize,
            t.IterationsPerEpoch, t.EarlyStopping, t.Selection.Describe(), t.Evaluation.Threshold, t.Evaluation.ComparisonText)
        {
            Split = request.NumpySplit ? "numpy" : "dotnet",
        };
    }

    /// <summary>The method's knobs as <c>name=value</c> pairs separated by spaces (empty for a method without knobs).</summary>
    public string DescribeOptions() => string.Join(' ', (MethodOptions ?? new Dictionary<string, object>())
        .Select(kv => kv.Key + "=" + (kv.Value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : kv.Value?.ToString())));
}
