namespace FairSharp.Training;

/// <summary>What counts as one unit of the schedule: a training step or a pass over the sampler's epoch.</summary>
public enum ScheduleUnit
{
    /// <summary>Step-based (FFB): a fixed number of steps from an endlessly reshuffled loader; StepLR steps every
    /// training step; evaluation every <see cref="TrainerOptions.EvaluateEvery"/> steps.</summary>
    Steps,

    /// <summary>Epoch-based (Fair Mixup, FAIRER, TFS): a fixed number of sampler epochs; StepLR steps and evaluation
    /// happen once per epoch.</summary>
    Epochs,
}
