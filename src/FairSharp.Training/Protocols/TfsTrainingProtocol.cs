using System.Globalization;
using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Protocols;

/// <summary>
/// <c>tfs</c> (The Fairness Stitch's ERM backbone, UTKFace): ResNet-18; SGD lr 1e−3, momentum 0.9, weight decay 5e−4;
/// StepLR(20, 0.5) per epoch; batch 128; up to 50 epochs with early stopping (3 non-improving validation losses after
/// epoch 20); selection = last epoch.
/// </summary>
internal sealed class TfsTrainingProtocol : TrainingProtocol
{
    /// <summary>Rows per batch.</summary>
    public const int Batch = 128;

    /// <inheritdoc />
    public override string Name => TfsProtocol.ProtocolName;

    /// <inheritdoc />
    public override TrainingPlan Preset(TrainRequest request, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
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
            BatchSize = Batch,
            Sampling = SamplingKind.Shuffled,
            EarlyStopping = new EarlyStopping(3, 20),
            Selection = new LastEpoch(),
        };
        return new TrainingPlan(model, trainer);
    }

    /// <inheritdoc />
    public override string DescribeBatch(bool stratified) => string.Create(CultureInfo.InvariantCulture, $"{Batch} rows (the tfs protocol's)");
}
