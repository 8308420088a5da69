using System.Globalization;
using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Protocols;

/// <summary>
/// <c>ffb</c> (FFB, Han et al. 2024): MLP 512-256-64, ReLU, dropout 0.5; Adam lr 1e−2; StepLR(50, 0.1) stepped every
/// training step; batch 1024; 150 steps from an endless reshuffled loader; plain shuffled batches; evaluation every 10
/// steps; selection = last step. A method's descriptor may change the dropout and steps
/// (<see cref="NetworkMethodDescriptor.FfbDelta"/>, e.g. adversarial's no dropout and 250 steps). On images: ResNet-18,
/// Adam lr 1e−3, batch 128, the same schedule.
/// </summary>
internal sealed class FfbTrainingProtocol : TrainingProtocol
{
    /// <summary>Rows per batch on tabular data (per stratum when a sweep stratifies).</summary>
    public const int Batch = 1024;

    /// <summary>Rows per batch on images.</summary>
    public const int ImageBatch = 128;

    /// <inheritdoc />
    public override string Name => FfbProtocol.ProtocolName;

    /// <inheritdoc />
    public override TrainingPlan Preset(TrainRequest request, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        return data.Train.SampleShape.Length == 3 ? Images(data) : Tabular(request, data);
    }

    /// <inheritdoc />
    public override string DescribeBatch(bool stratified) => stratified
        ? string.Create(CultureInfo.InvariantCulture, $"{Batch} rows per stratum (the ffb protocol's {Batch}, drawn from every stratum) for every method")
        : string.Create(CultureInfo.InvariantCulture, $"{Batch} rows (the ffb protocol's; images {ImageBatch})");

    private static TrainingPlan Tabular(TrainRequest request, PreparedDataset data)
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
            BatchSize = Batch,
            Sampling = SamplingKind.Shuffled,
            Selection = new LastEpoch(),
        };
        return new TrainingPlan(model, trainer);
    }

    private static TrainingPlan Images(PreparedDataset data)
    {
        var model = new ModelSpec(ModelSpec.ResNet18Name, data.Train.SampleShape, [64, 128, 256, 512]);
        var trainer = new TrainerOptions
        {
            LearningRate = 1e-3,
            StepLrPeriod = 50,
            Unit = ScheduleUnit.Steps,
            Steps = 150,
            EvaluateEvery = 10,
            BatchSize = ImageBatch,
            Sampling = SamplingKind.Shuffled,
        };
        return new TrainingPlan(model, trainer);
    }
}
