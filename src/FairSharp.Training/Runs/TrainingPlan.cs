using FairSharp.Training.Models;

namespace FairSharp.Training.Runs;

/// <summary>A request resolved against its protocol and data: the architecture and the trainer settings.</summary>
/// <param name="Model">Architecture to build.</param>
/// <param name="Trainer">Trainer settings.</param>
public sealed record TrainingPlan(ModelSpec Model, TrainerOptions Trainer);
