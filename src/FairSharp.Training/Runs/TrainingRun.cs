using System.Diagnostics;
using FairSharp.Data;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Protocols;

namespace FairSharp.Training.Runs;

/// <summary>
/// The training pipeline shared by <c>fairsharp train</c> and sweep trials: validate the request, prepare the data,
/// resolve the protocol, seed torch, build the model, create the method, train, and (with an output folder) write
/// <c>result.json</c>, <c>model.bin</c> and <c>manifest.json</c> atomically.
/// </summary>
public static class TrainingRun
{
    /// <summary>File name of the result.</summary>
    public const string ResultFile = "result.json";

    /// <summary>Validates <paramref name="request"/>, loads its data and runs it (see <see cref="Execute(TrainRequest, PreparedDataset, string?, ITrainingObserver?)"/>).</summary>
    /// <exception cref="InvalidInputException">Bad request, data or output folder; nothing is written then.</exception>
    public static TrainOutcome Execute(TrainRequest request, string? outputDirectory = null, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (outputDirectory is not null)
        {
            OutputDirectory.Check(outputDirectory);
        }

        var data = DatasetLoader.Prepare(request.ToDataRequest());
        return Execute(request, data, outputDirectory, observer);
    }

    /// <summary>Runs <paramref name="request"/> on already prepared data (sweeps reuse one split; tests use synthetic
    /// data). With <paramref name="outputDirectory"/>, writes result.json, model.bin and manifest.json into it
    /// (temporary folder, then rename). A diverged run writes result.json only (no model).</summary>
    public static TrainOutcome Execute(TrainRequest request, PreparedDataset data, string? outputDirectory = null, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        request.ValidateOptions();
        if (outputDirectory is not null)
        {
            OutputDirectory.Check(outputDirectory);
        }

        var clock = Stopwatch.StartNew();
        var plan = TrainingProtocols.Resolve(request, data);
        plan.Trainer.Validate();
        plan.Model.Validate();
        using var objective = request.Descriptor.Create(request.ResolvedOptions, new MethodContext(request.Constraint, data.GroupNames.Count));
        objective.CheckTrainingData(data.Train, data.GroupNames);
        Trainer.SeedTorch(request.Seed);
        using var model = plan.Model.Build();
        var result = new Trainer(plan.Trainer, observer).Train(model, objective, data);
        var sampler = request.Sampling is { } forced
            ? new SamplerChoice(objective.RequiredSampling ?? forced, request.SamplingReason ?? "set by the caller")
            : SamplerRule.ForRun(request.Descriptor, request.Constraint, request.Protocol, plan.Trainer.Sampling);
        var outcome = Summarise(request, plan, sampler, data, result) with { Elapsed = clock.Elapsed };
        if (outputDirectory is not null)
        {
            OutputDirectory.WriteAtomically(outputDirectory, temp =>
            {
                JsonFiles.Write(Path.Combine(temp, ResultFile), outcome);
                if (outcome.Succeeded)
                {
                    if (data.Preprocessing is not null)
                    {
                        JsonFiles.Write(Path.Combine(temp, ModelCheckpoint.PreprocessingFile), data.Preprocessing);
                    }

                    var manifest = new ModelManifest(ModelManifest.CurrentFormat, plan.Model, outcome.Config, request.Seed, outcome.Data,
                        outcome.ChosenEpoch, model.WeightLayers.Select(l => l.Name).ToArray(), model.StitchPoints, outcome.Test,
                        PackageVersions.Current(), outcome.Definitions);
                    ModelCheckpoint.Save(model, manifest, temp);
                }
            });
        }

        return outcome;
    }

    private static TrainOutcome Summarise(TrainRequest request, TrainingPlan plan, SamplerChoice sampler, PreparedDataset data, TrainingResult result)
    {
        var status = TrainingStatuses.Word(result.Status);
        var test = result.Test;
        IReadOnlyDictionary<string, double> testMetrics = result.ChosenEpoch >= 0
            ? result.Epochs[result.ChosenEpoch].Test
            : new SortedDictionary<string, double>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, double> validationMetrics = result.ChosenEpoch >= 0
            ? result.Epochs[result.ChosenEpoch].Validation
            : new SortedDictionary<string, double>(StringComparer.Ordinal);
        var byGroup = test is null
            ? new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
            : new SortedDictionary<string, IReadOnlyDictionary<string, double>>(
                test.ByGroup.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)new SortedDictionary<string, double>(
                    kv.Value.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal), StringComparer.Ordinal), StringComparer.Ordinal),
                StringComparer.Ordinal);
        var definitions = test is null
            ? new SortedDictionary<string, string>(StringComparer.Ordinal)
            : new SortedDictionary<string, string>(test.Definitions.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var chosenStep = result.ChosenEpoch >= 0 ? result.Epochs[result.ChosenEpoch].Step : 0;
        return new TrainOutcome(status, result.Message, RunConfig.Of(request, plan, sampler), DataSummary.Of(data),
            result.SelectionRule, result.SelectionDescription, result.ChosenEpoch, chosenStep, result.Steps, result.Epochs,
            testMetrics, byGroup, validationMetrics, test?.Degenerate ?? [], definitions, result.Messages);
    }
}
