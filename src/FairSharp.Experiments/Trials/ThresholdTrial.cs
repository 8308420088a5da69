using FairSharp.Data;
using FairSharp.Experiments.Postprocessing;
using FairSharp.Experiments.Sweeps;
using FairSharp.Training.Checkpoints;

namespace FairSharp.Experiments.Trials;

/// <summary>
/// The sweep method <c>threshold</c>: ERM + per-group decision thresholds (Hardt, Price &amp; Srebro 2016), the
/// post-processing rival of issue 19's part 5. A trial trains ERM exactly as the sweep's <c>erm</c> trial of the same
/// seed does (the same <see cref="Training.Runs.TrainingRun"/> request, so the same network), saves it in the trial's scratch folder,
/// and runs <see cref="PostprocessRun.Fit"/> on it, i.e. what <c>fairsharp postprocess --constraint dp|eo --seed S</c>
/// does on that model folder: fairlearn's <c>ThresholdOptimizer</c> fitted on the validation split for the sweep's
/// constraint (dp: demographic parity; eo: equalized odds with randomised thresholds, drawn with the trial's seed). The
/// record holds the test metrics of the post-processed 0/1 decisions: every thresholded key (accuracy, demographic
/// parity difference, equalized odds difference, …) is exact for those decisions; the score-based keys (average
/// precision, ROC AUC, the score gaps) treat the decisions as scores, so compare this method on thresholded keys.
/// </summary>
public static class ThresholdTrial
{
    /// <summary>The method's name in sweeps (<see cref="PostprocessRun.MethodName"/>).</summary>
    public const string Method = PostprocessRun.MethodName;

    /// <summary>The training method whose model the thresholds post-process.</summary>
    public const string TrainedMethod = "erm";

    /// <summary>The post-processing request of the trial: its constraint (<c>dp</c> or <c>eo</c>; anything else is
    /// refused) and its seed for the randomised decisions.</summary>
    /// <exception cref="InvalidInputException">The sweep's constraint is not dp or eo.</exception>
    public static PostprocessRequest ToRequest(TrialConfig config, string modelFolder)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PostprocessRequest(modelFolder, FairSharp.Training.Objectives.FairnessConstraints.ParsePostprocessing(config.Constraint)) { Seed = config.Seed };
    }

    /// <summary>Post-processes the trial's ERM model (trained and saved by the runner as the <c>erm</c> trial of the
    /// seed) with the thresholds fitted on <paramref name="data"/>'s validation split.</summary>
    public static TrialOutcome Postprocess(TrialSpec spec, TrainedModel model, PreparedDataset data, int chosenEpoch)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        var outcome = PostprocessRun.Fit(model, data, ToRequest(spec.Config, model.Folder));
        return new TrialOutcome(TrialStatus.Ok, outcome.Test, outcome.TestByGroup, chosenEpoch, null) { Degenerate = outcome.Degenerate };
    }
}
