using FairSharp.Data;
using FairSharp.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>
/// A training method, as one small piece the trainer loop calls once per step: (model, batch, epoch, generator) →
/// loss + diagnostics. It owns its extra forward passes (subgroup passes, mixup paths, adversary) and its extra
/// trainable parameters. Adding a method = one class + one line in <see cref="MethodRegistry"/>; the loop never changes.
/// </summary>
public interface ITrainingObjective : IDisposable
{
    /// <summary>Method name as the CLI spells it (<c>erm</c>, <c>gapreg</c>, …).</summary>
    string Name { get; }

    /// <summary>The sampling the method needs, or null when it works on any batches (the protocol then decides).</summary>
    SamplingKind? RequiredSampling { get; }

    /// <summary>Refuses training data the method cannot use (e.g. an EO penalty when a group has no positive rows),
    /// with an <see cref="InvalidInputException"/>.</summary>
    /// <param name="train">The training split.</param>
    /// <param name="groupNames">Group names (index = group).</param>
    void CheckTrainingData(DataSplit train, IReadOnlyList<string> groupNames);

    /// <summary>Called once before training: creates any auxiliary modules (on the model's device) and returns their
    /// trainable parameters, which the trainer adds to the optimiser. Empty for most methods.</summary>
    IReadOnlyList<Parameter> Attach(FairNetwork model);

    /// <summary>Computes the loss of one training step (the model is in training mode).</summary>
    /// <param name="model">The network being trained.</param>
    /// <param name="batch">The batch and its strata.</param>
    /// <param name="epoch">Zero-based epoch (or evaluation period, for step-based schedules).</param>
    /// <param name="generator">Seeded generator for the method's own randomness (e.g. mixup coefficients).</param>
    ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator);
}
