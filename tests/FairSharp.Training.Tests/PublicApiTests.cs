using System.Runtime.CompilerServices;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Penalties;
using FairSharp.Training.Runs;
using FairSharp.Training.Selection;
using PublicApiGenerator;

namespace FairSharp.Training.Tests;

/// <summary>The contract types of FairSharp.Training (models, objectives, penalties, trainer, pipeline, checkpoints)
/// are what FAIRER, the Fairness Stitch and the sweep compile against: any change to them must be deliberate (update
/// FairSharp.Training.approved.txt in the same commit; FAIRSHARP_APPROVE=1 writes the current API there). Types other
/// engineers add to the assembly are not part of this list, so adding a method never breaks this test.</summary>
public sealed class PublicApiTests
{
    private static readonly Type[] Contract =
    [
        typeof(FairNetwork), typeof(NetworkStage), typeof(ForwardTrace), typeof(WeightLayer), typeof(WeightLayerKind),
        typeof(StitchPoint), typeof(ModelSpec), typeof(Mlp), typeof(SmallCnn), typeof(ResNet18),
        typeof(ITrainingObjective), typeof(ObjectiveBase), typeof(ObjectiveStep), typeof(MethodDescriptor), typeof(MethodDescriptor<>), typeof(MethodOptions), typeof(MethodKnob), typeof(MethodContext), typeof(FairerOptions), typeof(Check), typeof(BatchContext),
        typeof(Stratum), typeof(SamplingKind), typeof(FairnessConstraint), typeof(FairnessConstraints), typeof(MethodRegistry),
        typeof(TaskLoss), typeof(TrainingDataChecks), typeof(IFairnessPenalty),
        typeof(Trainer), typeof(TrainerOptions), typeof(TrainingStep), typeof(TrainingResult), typeof(TrainingStatus),
        typeof(EpochRecord), typeof(ITrainingObserver), typeof(SilentObserver), typeof(EarlyStopping), typeof(ScheduleUnit),
        typeof(OptimizerKind), typeof(SelectionRule),
        typeof(TrainRequest), typeof(TrainingPlan), typeof(TrainingProtocols), typeof(TrainingRun), typeof(TrainOutcome),
        typeof(RunConfig), typeof(DataSummary), typeof(JsonFiles), typeof(OutputDirectory),
        typeof(ModelCheckpoint), typeof(ModelManifest), typeof(PackageVersions), typeof(TrainedModel),
    ];

    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var api = typeof(Trainer).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false, IncludeTypes = Contract });
        var path = Path.Combine(SourceDirectory(), "FairSharp.Training.approved.txt");
        if (Environment.GetEnvironmentVariable("FAIRSHARP_APPROVE") == "1")
        {
            File.WriteAllText(path, Normalise(api) + "\n");
        }

        Normalise(api).ShouldBe(Normalise(File.ReadAllText(path)), "public API changed: review it and update FairSharp.Training.approved.txt");
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
