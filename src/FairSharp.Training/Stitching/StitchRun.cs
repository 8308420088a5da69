using System.Diagnostics;
using System.Globalization;
using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// The stitch pipeline shared by <c>fairsharp stitch</c> and sweep trials (tfs.md §1 stages 2–5): load the backbone and
/// its data, cache the representation at the stitch point, draw the balanced fine-tuning set, build the stitched model
/// (or FDR's fresh head), train it evaluating every epoch, select with the shared rule, and (with an output folder)
/// write <c>result.json</c>, <c>model.bin</c> and <c>manifest.json</c> atomically.
/// </summary>
public static class StitchRun
{
    /// <summary>File name of the result.</summary>
    public const string ResultFile = TrainingRun.ResultFile;

    /// <summary>Sub-folder of the backbone folder that holds cached representations.</summary>
    public const string FeatureFolder = "features";

    /// <summary>Validates the request, loads the backbone and its data, and runs it (see <see cref="Execute(StitchRequest, FairNetwork, ModelManifest, PreparedDataset, string?, Action{EpochRecord}?, ITrainingObserver?)"/>).</summary>
    /// <param name="request">The stitch run.</param>
    /// <param name="outputDirectory">Folder for result.json and the stitched model, or null.</param>
    /// <param name="onEpoch">Called after each epoch.</param>
    /// <param name="prepare">Prepares the backbone's data request (a sweep worker's cache); null loads the data
    /// afresh. Either way the data is checked against the backbone's manifest.</param>
    /// <param name="observer">Told of the stitch training's steps and evaluations (<see cref="StitchTrainer.Train"/>); null = none.</param>
    /// <exception cref="InvalidInputException">Bad options, backbone folder, data or output folder; nothing is written then.</exception>
    public static StitchOutcome Execute(StitchRequest request, string? outputDirectory = null, Action<EpochRecord>? onEpoch = null,
        Func<DataRequest, PreparedDataset>? prepare = null, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Validate();
        if (outputDirectory is not null)
        {
            OutputDirectory.Check(outputDirectory);
        }

        var trained = TrainedModel.Load(request.Backbone);
        PreparedDataset data;
        try
        {
            if (prepare is null)
            {
                data = trained.PrepareData(request.DataDirectory, request.UtkFaceDirectory, request.DataFile);
            }
            else
            {
                data = prepare(trained.DataRequest(request.DataDirectory, request.UtkFaceDirectory, request.DataFile));
                trained.CheckData(data);
            }
        }
        catch
        {
            trained.Dispose();
            throw;
        }

        var manifest = trained.Manifest;
        var backbone = trained.TakeNetwork();
        return Execute(request, backbone, manifest, data, outputDirectory, onEpoch, observer);
    }

    /// <summary>Runs the request on a loaded backbone (owned from now on) and its prepared data; <paramref name="observer"/>
    /// is told of the stitch training's steps and evaluations.</summary>
    public static StitchOutcome Execute(StitchRequest request, FairNetwork backbone, ModelManifest manifest, PreparedDataset data,
        string? outputDirectory = null, Action<EpochRecord>? onEpoch = null, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(data);
        var options = request.Options;
        options.Validate();
        if (outputDirectory is not null)
        {
            OutputDirectory.Check(outputDirectory);
        }

        if (data.GroupNames.Count != 2)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, StitchTrainingData.NeedsTwoGroups, data.GroupNames.Count));
        }

        var clock = Stopwatch.StartNew();
        if (options.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        var cut = options.ResolveCut(backbone.StageCount);
        var point = backbone.StitchPoints[cut];
        var weightsPath = Path.Combine(request.Backbone, ModelCheckpoint.ModelFile);
        var hash = File.Exists(weightsPath) ? ModelCheckpoint.Sha256(weightsPath) : "in-memory-" + manifest.Data.DataSha256;
        using var cache = request.CacheOnDisk && File.Exists(weightsPath)
            ? FeatureCache.LoadOrCompute(Path.Combine(request.Backbone, FeatureFolder), backbone, cut, data, hash)
            : FeatureCache.Compute(backbone, cut, data, hash);
        var backboneSummary = SummariseBackbone(backbone, cut, cache, data.GroupNames, manifest, cache.FromDisk);
        var reference = backboneSummary.Validation[MetricKeys.BalancedAccuracy];

        using var scope = NewDisposeScope();
        var (pool, poolLabels, poolGroups, poolName) = options.FineTuneOn == FineTuningSet.TrainAndValidation
            ? (cat([cache.Train.Features, cache.Validation.Features], 0), cache.Train.Labels.Concat(cache.Validation.Labels).ToArray(),
                cache.Train.Groups.Concat(cache.Validation.Groups).ToArray(), "train+val")
            : (cache.Train.Features, cache.Train.Labels, cache.Train.Groups, "train");
        var balanced = BalancedSet.Draw(poolLabels, poolGroups, data.GroupNames, options.Seed, poolName);
        var training = StitchTrainingData.Build(pool, poolLabels, poolGroups, balanced, cache.Validation, cache.Test, data.GroupNames);

        Trainer.SeedTorch(options.Seed);
        using var model = BuildModel(options, backbone, cut, cache, training);
        var trainingClock = Stopwatch.StartNew();
        var result = StitchTrainer.Train(model, training, options, reference, onEpoch, observer);
        var trainingElapsed = trainingClock.Elapsed;
        var outcome = Summarise(request, manifest, data, point, cut, balanced, training, result, backboneSummary, hash) with
        {
            Elapsed = clock.Elapsed,
            TrainingElapsed = trainingElapsed,
        };
        if (outputDirectory is not null)
        {
            OutputDirectory.WriteAtomically(outputDirectory, temp =>
            {
                JsonFiles.Write(Path.Combine(temp, ResultFile), outcome);
                if (outcome.Succeeded)
                {
                    var stitchManifest = new StitchManifest(StitchManifest.CurrentFormat, outcome.Config, options.Seed, outcome.Data, outcome.ChosenEpoch,
                        model.named_parameters().Select(p => p.name).ToArray(), outcome.Test, PackageVersions.Current(), outcome.Definitions);
                    model.save(Path.Combine(temp, ModelCheckpoint.ModelFile));
                    JsonFiles.Write(Path.Combine(temp, ModelCheckpoint.ManifestFile), stitchManifest);
                }
            });
        }

        return outcome;
    }

    private static FeatureClassifier BuildModel(StitchOptions options, FairNetwork backbone, int cut, FeatureCache cache, StitchTrainingData training)
    {
        if (options.Method == StitchMethod.Fdr)
        {
            backbone.Dispose();
            return new FreshHead(cache.Width);
        }

        var stitch = new StitchLayer(cache.Shape);
        if (options.Init == StitchInit.Identity)
        {
            stitch.SetIdentity();
        }
        else if (options.Init == StitchInit.LeastSquares)
        {
            using var scope = NewDisposeScope();
            var (matrix, bias) = LeastSquaresMap.Fit(training.X, training.X);
            stitch.SetAffine(matrix, bias);
        }

        return new StitchedNetwork(backbone, cut, stitch, options.Method == StitchMethod.TfsJoint);
    }

    private static BackboneSummary SummariseBackbone(FairNetwork backbone, int cut, FeatureCache cache, IReadOnlyList<string> groupNames,
        ModelManifest manifest, bool fromDisk)
    {
        var wasTraining = backbone.training;
        backbone.eval();
        try
        {
            var validation = Evaluate(backbone, cut, cache.Validation, groupNames);
            var test = Evaluate(backbone, cut, cache.Test, groupNames);
            return new BackboneSummary(manifest.Config.Method, manifest.ChosenEpoch, fromDisk, validation, test);
        }
        finally
        {
            backbone.train(wasTraining);
        }
    }

    private static IReadOnlyDictionary<string, double> Evaluate(FairNetwork backbone, int cut, CachedSplit split, IReadOnlyList<string> groupNames)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = new float[split.Count];
        var chunk = backbone.EvaluationChunk;
        for (long start = 0; start < split.Count; start += chunk)
        {
            using var chunkScope = NewDisposeScope();
            var len = Math.Min(chunk, split.Count - start);
            backbone.Top(cut, split.Features.narrow(0, start, len)).to(CPU).data<float>().CopyTo(logits, (int)start);
        }

        return Sorted(SplitScores.FromLogits(logits, split.Labels).Evaluate(split.Labels, split.Groups, groupNames, EvaluationOptions.Default).Metrics);
    }

    private static StitchOutcome Summarise(StitchRequest request, ModelManifest manifest, PreparedDataset data, StitchPoint point, int cut,
        BalancedSet balanced, StitchTrainingData training, StitchTrainingResult result, BackboneSummary backbone, string hash)
    {
        var o = request.Options;
        var loss = o.EffectiveClassWeighted ? ClassWeights(training) : [1.0, 1.0];
        var config = new StitchConfig(o.Method.ToName(), request.Backbone, hash, manifest.Model, manifest.Config.Dataset, manifest.Config.Sensitive,
            manifest.Config.Protocol, cut, point, MethodRegistry.Get(o.Method.ToName()).Describe(o), result.BatchSize, loss, balanced.Cells,
            o.Seed, o.Threads, result.SelectionDescription, EvaluationOptions.Default.Threshold, EvaluationOptions.Default.ComparisonText,
            StitchConfig.OneLogit);
        var chosen = result.Choice.Epoch;
        var found = chosen >= 0 && chosen < result.Epochs.Count;
        var test = found ? Sorted(result.Epochs[chosen].Test) : Sorted(new Dictionary<string, double>());
        var validation = found ? Sorted(result.Epochs[chosen].Validation) : Sorted(new Dictionary<string, double>());
        var byGroup = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        if (result.Test is not null)
        {
            foreach (var (group, metrics) in result.Test.ByGroup)
            {
                byGroup[group] = Sorted(metrics);
            }
        }

        var definitions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in result.Test?.Definitions ?? new Dictionary<string, string>())
        {
            definitions[key] = text;
        }

        var messages = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"balanced fine-tuning set: {balanced.Rows.Length} rows from {o.FineTuneOn.ToName()}, m = {balanced.PerCell} per (y, group) cell"),
            string.Create(CultureInfo.InvariantCulture, $"stitch point {cut} ({point.Name}, shape [{string.Join(",", point.Shape)}]); representation {(backbone.FeaturesFromDisk ? "read from" : "computed and cached in")} {FeatureFolder}/"),
        };
        if (!result.Choice.GatePassed && found)
        {
            messages.Add("no epoch passed the selection gate: the epoch with the highest validation balanced_accuracy - equalized_odds_difference was chosen");
        }

        return new StitchOutcome(TrainingStatuses.Word(result.Status), result.Message, config, DataSummary.Of(data), StitchOutcome.SelectionName, result.SelectionDescription,
            found ? chosen : -1, found ? result.Epochs[chosen].Step : 0, result.Steps, result.Epochs, test, byGroup, validation,
            result.Test?.Degenerate ?? [], definitions, messages, result.Choice.GatePassed, backbone);
    }

    private static double[] ClassWeights(StitchTrainingData training)
    {
        var (negatives, positives) = training.ClassCounts();
        var max = (double)Math.Max(negatives, positives);
        return [max / Math.Max(1, negatives), max / Math.Max(1, positives)];
    }

    private static IReadOnlyDictionary<string, double> Sorted(IReadOnlyDictionary<string, double> values) =>
        new SortedDictionary<string, double>(values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
