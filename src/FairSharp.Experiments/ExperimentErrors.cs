namespace FairSharp.Experiments;

/// <summary>The one-line error texts of the experiments layer: sweeps, plans, reports, studies and the analysis (format strings;
/// asserted exactly in tests). One class for the assembly.</summary>
public static class ExperimentErrors
{
    /// <summary>postprocess: the source already has thresholds (format: folder).</summary>
    public const string AlreadyPostprocessed = "{0}: the model is already post-processed (it has thresholds.json); post-process the model it came from";

    /// <summary>A --parts name that is not a part.</summary>
    public const string UnknownPart = "--parts: '{0}' is not a part of the study (parts: {1})";

    /// <summary>A study folder made with other options.</summary>
    public const string OtherOptions = "{0} holds a study planned with other options ({1}); use another --out folder or repeat the original options";

    /// <summary>A study.json that cannot be read.</summary>
    public const string BadStudyFile = "{0} is not a study file: {1}";

    /// <summary>--report-only on a folder without study.json.</summary>
    public const string NoStudy = "{0} holds no study (no study.json): run fairsharp study --out {0} first";

    /// <summary>{0} the first length, {1} the second.</summary>
    public const string CorrelationLengths = "rank correlation needs paired values: {0} x values but {1} y (or z) values";

    /// <summary>{0} the number of pairs.</summary>
    public const string CorrelationTooFew = "rank correlation needs at least 3 pairs, got {0}";

    /// <summary>{0} the variable (x, y or z), {1} the row, {2} the value.</summary>
    public const string CorrelationNotFinite = "rank correlation: {0}[{1}] is {2}; every value must be a finite number";

    /// <summary>{0} the variable (x, y or z), {1} the number of values, {2} the value.</summary>
    public const string CorrelationConstant = "rank correlation: all {1} values of {0} equal {2}; a constant variable has no ranks to correlate";

    /// <summary>{0} the resamples.</summary>
    public const string CorrelationResamples = "rank correlation bootstrap needs at least 100 resamples, got {0}";

    /// <summary>{0} the confidence level.</summary>
    public const string CorrelationConfidence = "rank correlation confidence level must be in (0, 1), got {0}";

    /// <summary>{0} the value.</summary>
    public const string BadTolerance = "--utility-tolerance must be a finite number ≥ 0, got {0}";

    /// <summary>No finished trial.</summary>
    public const string NoFinishedTrials = "no trial finished successfully: nothing to summarise (see the error column of trials.jsonl)";

    /// <summary>{0} method, {1} known methods.</summary>
    public const string UnknownMethod = "unknown method '{0}' in --methods (known: {1})";

    /// <summary>No method given.</summary>
    public const string NoMethods = "--methods is empty: give at least one method (e.g. erm,gapreg)";

    /// <summary>{0} method.</summary>
    public const string DuplicateMethod = "method '{0}' is listed twice in --methods";

    /// <summary>No λ given.</summary>
    public const string EmptyLambdas = "--lambdas is empty: give at least one fairness weight (e.g. 0.1,0.3,1,3)";

    /// <summary>{0} the value.</summary>
    public const string BadLambda = "--lambdas: '{0}' is not a finite number ≥ 0";

    /// <summary>{0} the value.</summary>
    public const string DuplicateLambda = "--lambdas: {0} is listed twice";

    /// <summary>{0} the value.</summary>
    public const string SeedsNotPositive = "--seeds must be a number of seeds ≥ 1, got {0}";

    /// <summary>{0} the value.</summary>
    public const string EpochsNotPositive = "--epochs must be ≥ 1, got {0}";

    /// <summary>{0} the value.</summary>
    public const string UnknownConstraint = "unknown constraint '{0}' (known: dp, eo, eopp)";

    /// <summary>Empty dataset name.</summary>
    public const string NoDataset = "--dataset is empty: give a dataset name (see fairsharp datasets)";

    /// <summary>No sensitive attribute.</summary>
    public const string NoSensitive = "--sensitive is empty: give at least one sensitive attribute (e.g. sex)";

    /// <summary>{0} the shard text.</summary>
    public const string BadShard = "--shard '{0}' is not i/n with 1 ≤ i ≤ n (e.g. 1/4 for the first of four slices)";

    /// <summary>{0} the value.</summary>
    public const string JobsNotPositive = "--jobs must be ≥ 1, got {0}";

    /// <summary>{0} layer, {1} dataset, {2} last stitch point.</summary>
    public const string BadStitchLayer = "--stitch-layers: layer {0} does not exist: the {1} backbone has stitch points 0..{2}";

    /// <summary>{0} option, {1} key, {2} known keys.</summary>
    public const string UnknownMetricKey = "{0} '{1}' is not a metric key (known: {2})";

    /// <summary>{0} the value.</summary>
    public const string ThreadsNotPositive = "--threads must be ≥ 1, got {0}";

    /// <summary>{0} the text.</summary>
    public const string BadGrid = "--grid '{0}' is not METHOD.KNOB=V1,V2,... (e.g. fairer.lambda_align=0,0.01,0.1)";

    /// <summary>{0} the axis, {1} method.</summary>
    public const string GridMethodNotPlanned = "--grid {0}: method '{1}' is not in --methods";

    /// <summary>{0} the axis, {1} method, {2} the method's knobs.</summary>
    public const string GridUnknownKnob = "--grid {0}: method '{1}' has no such option (its options: {2})";

    /// <summary>{0} the axis.</summary>
    public const string GridLambda = "--grid {0}: {1} is the --lambdas axis";

    /// <summary>{0} the axis.</summary>
    public const string GridTwice = "--grid {0}: this method option is given twice";

    /// <summary>{0} the axis, {1} the value.</summary>
    public const string GridDuplicateValue = "--grid {0}: {1} is listed twice";

    /// <summary>{0} the value.</summary>
    public const string BadStitchInit = "unknown stitch init '{0}' (known: random, identity, lstsq)";

    /// <summary>{0} folder, {1} what differs.</summary>
    public const string DifferentPlan = "{0} holds a different sweep plan ({1}); use another --out folder or repeat the original command";

    /// <summary>{0} folder.</summary>
    public const string FolderInUse = "{0} is in use by another running fairsharp sweep; wait for it or use another --out folder";

    /// <summary>{0} file, {1} reason.</summary>
    public const string BadPlanFile = "{0}: not a FairSharp sweep plan ({1})";

    /// <summary>Error text: a plan of format 1 with stitch trials, whose ids predate the stitch knobs (format: folder).</summary>
    public const string OldStitchPlan = "{0} holds a sweep plan of format 1 with stitch methods, whose trial ids predate the stitch knobs (format 2); rerun into another --out folder";

    /// <summary>{0} folder.</summary>
    public const string NoTrials = "{0}: no trials.jsonl (not a sweep output folder)";

    /// <summary>{0} folder.</summary>
    public const string NoPlan = "{0}: no plan.json (not a sweep output folder)";

    /// <summary>No folder given.</summary>
    public const string NoFolders = "--in: give at least one sweep output folder";

    /// <summary>{0} the text.</summary>
    public const string BadReference = "--hv-reference '{0}' is not UTILITY,GAP with two finite numbers (e.g. 0.75,0.25)";

    /// <summary>{0} folder, {1} other folder.</summary>
    public const string PlansDisagree = "{0} and {1} hold different sweep plans: only shards of one plan can be merged";

    /// <summary>{0} folder.</summary>
    public const string MergeIntoOtherPlan = "--out {0} holds the trials of another sweep plan: merge into a new folder (nothing was written)";

    /// <summary>{0} file, {1} line, {2} reason.</summary>
    public const string BadTrialLine = "{0}, line {1}: not a trial record ({2})";

    /// <summary>{0} the metric key, {1} the keys found.</summary>
    public const string UnknownMetric = "metric '{0}' is not in the trial results (found: {1})";

    /// <summary>{0} the value.</summary>
    public const string BadConfidence = "--confidence must be in (0, 1), got {0}";

    /// <summary>{0} the value.</summary>
    public const string BadBootstrap = "--bootstrap must be ≥ 100 resamples, got {0}";

    /// <summary>{0} trial id, {1} curve, {2} λ, {3} seed, {4} what failed around it.</summary>
    public const string EnvironmentFailure = "trial {0} ({1} λ={2} seed={3}) could not run: {4}";

    /// <summary>{0} trial id, {1} curve, {2} λ, {3} seed, {4} how the worker ended, {5} next attempt, {6} attempts.</summary>
    public const string WorkerLost = "trial {0} ({1} λ={2} seed={3}): its worker ended without a result ({4}); running it again (attempt {5} of {6})";

    /// <summary>{0} attempts, {1} how the last worker ended.</summary>
    public const string WorkerLostTooOften = "its worker ended without a result {0} times in a row; last: {1}";
}
