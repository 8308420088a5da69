using System.Globalization;
using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Postprocessing;

/// <summary>
/// <c>fairsharp postprocess</c>: per-group decision thresholds on a trained model (<see cref="ThresholdOptimizer"/>,
/// fairlearn's <c>ThresholdOptimizer</c> with <c>prefit=True</c>). The model's data is rebuilt and checked against its
/// manifest (<see cref="TrainedModel.PrepareData"/>), the network scores the validation and test splits, the rules are
/// chosen on validation only, and the test split is decided with them. The output folder is the source model plus
/// <c>thresholds.json</c> (listed with its sha256 in manifest.json), which <c>predict</c> applies, and a
/// <c>result.json</c> with the test metrics. Written atomically: an error leaves nothing.
/// </summary>
public static class PostprocessRun
{
    /// <summary>The method name of a post-processed model in results and sweeps.</summary>
    public const string MethodName = "threshold";

    /// <summary>Loads the model and its data, fits, and writes <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="InvalidInputException">A bad model folder, data that cannot be rebuilt or differs from the
    /// manifest's, a group without validation rows of both labels, or an output folder in the way.</exception>
    public static PostprocessOutcome Execute(PostprocessRequest request, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(request);
        OutputDirectory.Check(outputDirectory);
        using var model = TrainedModel.Load(request.Model);
        var data = model.PrepareData(request.DataDirectory, request.UtkFaceDirectory, request.DataFile);
        var outcome = Fit(model, data, request);
        OutputDirectory.WriteAtomically(outputDirectory, temp =>
        {
            var preprocessing = Path.Combine(request.Model, ModelCheckpoint.PreprocessingFile);
            if (File.Exists(preprocessing))
            {
                File.Copy(preprocessing, Path.Combine(temp, ModelCheckpoint.PreprocessingFile));
            }

            JsonFiles.Write(Path.Combine(temp, ModelCheckpoint.ThresholdsFile), outcome.Thresholds);
            ModelCheckpoint.Save(model.Network, model.Manifest, temp);
            JsonFiles.Write(Path.Combine(temp, TrainingRun.ResultFile), outcome);
        });
        return outcome;
    }

    /// <summary>Chooses the rules on <paramref name="data"/>'s validation split and measures them on its test split
    /// (no files; sweeps call this on a loaded model).</summary>
    /// <exception cref="InvalidInputException">The model is already post-processed, or a group lacks validation rows of both labels.</exception>
    public static PostprocessOutcome Fit(TrainedModel model, PreparedDataset data, PostprocessRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (model.Thresholds is not null)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.AlreadyPostprocessed, request.Model));
        }

        var validationScores = Score(model, data.Validation);
        var validationGroups = GroupLabels.FromCodes(data.Validation.Groups, data.GroupNames);
        var thresholds = ThresholdOptimizer.Fit(data.Validation.Labels, validationScores, validationGroups, request.Constraint, request.GridSize)
            with { Seed = request.Seed };
        var validation = Evaluate(thresholds, data.Validation, validationScores, validationGroups, data.GroupNames);
        var testScores = Score(model, data.Test);
        var test = Evaluate(thresholds, data.Test, testScores, GroupLabels.FromCodes(data.Test.Groups, data.GroupNames), data.GroupNames);
        return new PostprocessOutcome(MethodName, request.Constraint.ToName(), request.Model, model.Config.Method, model.WeightsSha256,
            request.Seed, data.Validation.Count, thresholds, Sorted(validation.Metrics), Sorted(test.Metrics),
            new SortedDictionary<string, IReadOnlyDictionary<string, double>>(
                test.ByGroup.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)Sorted(kv.Value), StringComparer.Ordinal), StringComparer.Ordinal),
            model.Manifest.Test, test.Degenerate, new SortedDictionary<string, string>(test.Definitions.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal));
    }

    private static double[] Score(TrainedModel model, DataSplit split)
    {
        using var tensors = TensorConversion.ToTensors(split);
        return model.Network.PredictProbabilities(tensors.X).Select(p => (double)p).ToArray();
    }

    private static ModelEvaluation Evaluate(ThresholdPostprocessor thresholds, DataSplit split, double[] scores, GroupLabels groups,
        IReadOnlyList<string> names)
    {
        var decisions = thresholds.Predict(scores, groups).Select(d => (double)d).ToArray();
        return ModelEvaluator.Evaluate(split.Labels, decisions, split.Groups, names);
    }

    private static SortedDictionary<string, double> Sorted(IReadOnlyDictionary<string, double> metrics) =>
        new(metrics.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
