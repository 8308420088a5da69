using System.Globalization;
using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Runs;

/// <summary>
/// The training half of each protocol preset (the data half is <see cref="DatasetLoader"/>'s):
/// <list type="bullet">
/// <item><c>ffb</c> (FFB, Han et al. 2024): MLP 512-256-64, ReLU, dropout 0.5 (a method's descriptor may change the
/// dropout and steps: <see cref="NetworkMethodDescriptor.FfbDelta"/>, e.g. adversarial's no dropout and 250 steps); Adam lr 1e−2 (images 1e−3, ResNet-18, batch 128); StepLR(50, 0.1) stepped every training step;
/// batch 1024; 150 steps from an endless reshuffled loader; plain shuffled batches; evaluation every 10 steps;
/// selection = last step.</item>
/// <item><c>fairmixup</c> (Fair Mixup Adult, used by FAIRER): MLP 200-200, no dropout; Adam lr 1e−3, constant;
/// stratified batches of 500 per group (dp) or per (group, label) cell (eo, eopp), 100 fresh draws per epoch; 10
/// epochs; selection = min validation score gap (dp_score_gap / eo_score_gap) over epochs ≥ 1.</item>
/// <item><c>tfs</c> (The Fairness Stitch ERM backbone, UTKFace): ResNet-18; SGD lr 1e−3, momentum 0.9, weight decay
/// 5e−4; StepLR(20, 0.5) per epoch; batch 128; up to 50 epochs with early stopping (3 non-improving validation losses
/// after epoch 20); selection = last epoch.</item>
/// </list>
/// Request overrides (epochs, steps, batch, lr, hidden widths, dropout, evaluation period, selection) replace the preset's values.
/// </summary>
public static class TrainingProtocols
{
    /// <summary>Rows per batch of the tabular <c>ffb</c> preset (per stratum when a sweep stratifies).</summary>
    public const int FfbBatch = 1024;

    /// <summary>Rows per batch of the <c>ffb</c> preset on images.</summary>
    public const int FfbImageBatch = 128;

    /// <summary>Rows per stratum per batch of the <c>fairmixup</c> preset.</summary>
    public const int FairMixupBatch = 500;

    /// <summary>Fresh stratified draws per epoch of the <c>fairmixup</c> preset.</summary>
    public const int FairMixupDraws = 100;

    /// <summary>Rows per batch of the <c>tfs</c> preset.</summary>
    public const int TfsBatch = 128;

    /// <summary>The batches of a protocol's preset in words, as plan reports state them: <paramref name="stratified"/>
    /// when the sweep imposes a stratified sampler on every method (null protocol = <c>ffb</c>).</summary>
    public static string DescribeBatch(string? protocol, bool stratified) => (protocol ?? ProtocolNames.Ffb) switch
    {
        ProtocolNames.FairMixup => Invariant($"{FairMixupBatch} rows per stratum, {FairMixupDraws} draws per epoch (the fairmixup protocol's)"),
        ProtocolNames.Tfs => Invariant($"{TfsBatch} rows (the tfs protocol's)"),
        _ => stratified
            ? Invariant($"{FfbBatch} rows per stratum (the ffb protocol's {FfbBatch}, drawn from every stratum) for every method")
            : Invariant($"{FfbBatch} rows (the ffb protocol's; images {FfbImageBatch})"),
    };

    /// <summary>Resolves <paramref name="request"/> against its protocol and the prepared data.</summary>
    public static TrainingPlan Resolve(TrainRequest request, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        var image = data.Train.SampleShape.Length == 3;
        var (model, trainer) = request.Protocol switch
        {
            ProtocolNames.FairMixup => FairMixup(request, data),
            ProtocolNames.Tfs => Tfs(request, data),
            _ => image ? FfbImage(data) : Ffb(request, data),
        };
        trainer = trainer with
        {
            Seed = request.Seed,
            Device = request.Device,
            Threads = request.Threads,
            LearningRate = request.LearningRate ?? trainer.LearningRate,
            BatchSize = request.BatchSize ?? trainer.BatchSize,
            EvaluateEvery = request.EvaluateEvery ?? trainer.EvaluateEvery,
            TestCurve = request.TestCurve,
            Sampling = request.Sampling ?? trainer.Sampling,
        };
        model = WithArchitecture(model, request.Architecture, data);
        model = model with { Hidden = request.Hidden ?? model.Hidden, Dropout = request.Dropout ?? model.Dropout };
        if (trainer.Unit == ScheduleUnit.Steps)
        {
            if (request.Steps is { } steps)
            {
                trainer = trainer with { Steps = steps };
            }
            else if (request.Epochs is { } epochs)
            {
                var perEpoch = Math.Max(1, data.Train.Count / Math.Min(trainer.BatchSize, data.Train.Count));
                trainer = trainer with { Steps = epochs * perEpoch };
            }
        }
        else if (request.Epochs is { } epochs)
        {
            trainer = trainer with { Epochs = epochs };
        }

        if (request.Selection is not null || request.SelectionGapKey is not null || request.SelectionWarmup is not null)
        {
            var name = request.Selection ?? trainer.Selection.Name;
            var gapKey = request.SelectionGapKey ?? ScoreGapKey(request.Constraint);
            trainer = trainer with { Selection = SelectionRule.Parse(name, gapKey, request.SelectionWarmup ?? 1, request.SelectionEpsilon) };
        }

        return new TrainingPlan(model, trainer);
    }

    /// <summary>The protocol's model with another architecture (<c>--arch</c>): that architecture's default widths
    /// (mlp 512-256-64, small-cnn 32-64-128, resnet18 64-128-256-512) and input shape (an MLP takes the flattened sample);
    /// the preset's dropout is kept. Null or the same architecture leaves the model as it is.</summary>
    public static ModelSpec WithArchitecture(ModelSpec model, string? architecture, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (architecture is null || architecture == model.Architecture)
        {
            return model;
        }

        var sample = data.Train.SampleShape;
        return architecture switch
        {
            ModelSpec.MlpName => model with { Architecture = architecture, InputShape = [data.Train.RowSize], Hidden = [512, 256, 64] },
            ModelSpec.SmallCnnName => model with { Architecture = architecture, InputShape = sample, Hidden = [32, 64, 128] },
            _ => model with { Architecture = architecture, InputShape = sample, Hidden = [64, 128, 256, 512] },
        };
    }

    /// <summary>The validation gap Fair Mixup selects on for a constraint: <c>dp_score_gap</c>, <c>eo_score_gap</c>, or
    /// <c>equal_opportunity_difference</c> for eopp.</summary>
    public static string ScoreGapKey(FairnessConstraint constraint) => constraint switch
    {
        FairnessConstraint.EqualizedOdds => MetricKeys.EoScoreGap,
        FairnessConstraint.EqualOpportunity => MetricKeys.EqualOpportunityDifference,
        _ => MetricKeys.DpScoreGap,
    };

    private static (ModelSpec, TrainerOptions) Ffb(TrainRequest request, PreparedDataset data)
    {
        var delta = MethodRegistry.Contains(request.Method) && MethodRegistry.Get(request.Method) is NetworkMethodDescriptor method ? method.FfbDelta : ProtocolDelta.None;
        var model = ModelSpec.FfbMlp(data.Train.RowSize, delta.Dropout ?? 0.5);
        var trainer = new TrainerOptions
        {
            Optimizer = OptimizerKind.Adam,
            LearningRate = 1e-2,
            StepLrPeriod = 50,
            StepLrGamma = 0.1,
            Unit = ScheduleUnit.Steps,
            Steps = delta.Steps ?? 150,
            EvaluateEvery = 10,
            BatchSize = FfbBatch,
            Sampling = SamplingKind.Shuffled,
            Selection = new LastEpoch(),
        };
        return (model, trainer);
    }

    private static (ModelSpec, TrainerOptions) FfbImage(PreparedDataset data)
    {
        var model = new ModelSpec(ModelSpec.ResNet18Name, data.Train.SampleShape, [64, 128, 256, 512]);
        var trainer = new TrainerOptions
        {
            LearningRate = 1e-3,
            StepLrPeriod = 50,
            Unit = ScheduleUnit.Steps,
            Steps = 150,
            EvaluateEvery = 10,
            BatchSize = FfbImageBatch,
            Sampling = SamplingKind.Shuffled,
        };
        return (model, trainer);
    }

    private static (ModelSpec, TrainerOptions) FairMixup(TrainRequest request, PreparedDataset data)
    {
        var model = new ModelSpec(ModelSpec.MlpName, [data.Train.RowSize], [200, 200]);
        var trainer = new TrainerOptions
        {
            LearningRate = 1e-3,
            StepLrPeriod = null,
            Unit = ScheduleUnit.Epochs,
            Epochs = 10,
            BatchSize = FairMixupBatch,
            IterationsPerEpoch = FairMixupDraws,
            Sampling = request.Constraint == FairnessConstraint.DemographicParity ? SamplingKind.ByGroup : SamplingKind.ByGroupAndLabel,
            Selection = new MinGapAfterWarmup(ScoreGapKey(request.Constraint), 1),
        };
        return (model, trainer);
    }

    private static (ModelSpec, TrainerOptions) Tfs(TrainRequest request, PreparedDataset data)
    {
        var model = new ModelSpec(ModelSpec.ResNet18Name, data.Train.SampleShape, [64, 128, 256, 512]);
        var trainer = new TrainerOptions
        {
            Optimizer = OptimizerKind.Sgd,
            LearningRate = 1e-3,
            Momentum = 0.9,
            WeightDecay = 5e-4,
            StepLrPeriod = 20,
            StepLrGamma = 0.5,
            Unit = ScheduleUnit.Epochs,
            Epochs = 50,
            BatchSize = TfsBatch,
            Sampling = SamplingKind.Shuffled,
            EarlyStopping = new EarlyStopping(3, 20),
            Selection = new LastEpoch(),
        };
        return (model, trainer);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
