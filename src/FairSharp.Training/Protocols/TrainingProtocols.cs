using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Metrics;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Protocols;

/// <summary>
/// The training halves of the protocol presets, one sealed <see cref="TrainingProtocol"/> each, in
/// <see cref="DataProtocols"/> order: <see cref="FfbTrainingProtocol"/>, <see cref="FairMixupTrainingProtocol"/>,
/// <see cref="TfsTrainingProtocol"/>. <see cref="Resolve"/> applies a request's overrides (epochs, steps, batch, lr,
/// hidden widths, dropout, evaluation period, selection) to its protocol's preset.
/// </summary>
public static class TrainingProtocols
{
    /// <summary>Every protocol's training half, in <see cref="DataProtocols.All"/> order.</summary>
    public static IReadOnlyList<TrainingProtocol> All { get; } = [new FfbTrainingProtocol(), new FairMixupTrainingProtocol(), new TfsTrainingProtocol()];

    /// <summary>The training half of the protocol called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidInputException">No such protocol.</exception>
    public static TrainingProtocol Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidInputException(string.Format(DataErrors.UnknownProtocol, name, string.Join(", ", DataProtocols.Names)));

    /// <summary>Resolves <paramref name="request"/> against its protocol and the prepared data.</summary>
    public static TrainingPlan Resolve(TrainRequest request, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        var (model, trainer) = Get(request.Protocol).Preset(request, data);
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
}
