using System.Globalization;
using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Protocols;

/// <summary>
/// <c>fairmixup</c> (Fair Mixup's Adult setting, used by FAIRER): MLP 200-200, no dropout; Adam lr 1e−3, constant;
/// stratified batches of 500 per group (dp) or per (group, label) cell (eo, eopp), 100 fresh draws per epoch; 10
/// epochs; selection = min validation score gap (dp_score_gap / eo_score_gap) over epochs ≥ 1.
/// </summary>
internal sealed class FairMixupTrainingProtocol : TrainingProtocol
{
    /// <summary>Rows per stratum per batch.</summary>
    public const int Batch = 500;

    /// <summary>Fresh stratified draws per epoch.</summary>
    public const int Draws = 100;

    /// <inheritdoc />
    public override string Name => FairMixupProtocol.ProtocolName;

    /// <inheritdoc />
    public override TrainingPlan Preset(TrainRequest request, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        var model = new ModelSpec(ModelSpec.MlpName, [data.Train.RowSize], [200, 200]);
        var trainer = new TrainerOptions
        {
            LearningRate = 1e-3,
            StepLrPeriod = null,
            Unit = ScheduleUnit.Epochs,
            Epochs = 10,
            BatchSize = Batch,
            IterationsPerEpoch = Draws,
            Sampling = request.Constraint == FairnessConstraint.DemographicParity ? SamplingKind.ByGroup : SamplingKind.ByGroupAndLabel,
            Selection = new MinGapAfterWarmup(TrainingProtocols.ScoreGapKey(request.Constraint), 1),
        };
        return new TrainingPlan(model, trainer);
    }

    /// <inheritdoc />
    public override string DescribeBatch(bool stratified) =>
        string.Create(CultureInfo.InvariantCulture, $"{Batch} rows per stratum, {Draws} draws per epoch (the fairmixup protocol's)");
}
