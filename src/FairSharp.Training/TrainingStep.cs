using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>One optimisation step exactly as the one training loop (<see cref="Trainer"/>) runs it (also what the benchmarks time):
/// zero the gradients, ask the objective for the loss, refuse a non-finite loss, back-propagate, step the optimiser.</summary>
public static class TrainingStep
{
    /// <summary>Runs one step inside the caller's dispose scope and returns the loss; when the loss is NaN or infinite
    /// nothing is back-propagated or updated and that value is returned.</summary>
    /// <param name="model">Network in training mode.</param>
    /// <param name="objective">The method.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="optimizer">Optimiser over the model's (and the objective's) parameters.</param>
    /// <param name="epoch">Current epoch or evaluation period.</param>
    /// <param name="generator">The objective's seeded generator.</param>
    /// <param name="diagnostics">The objective's diagnostics of this step.</param>
    public static double Run(FairNetwork model, ITrainingObjective objective, BatchContext batch, optim.Optimizer optimizer,
        int epoch, Generator generator, out IReadOnlyDictionary<string, double> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Run(() => objective.Step(model, batch, epoch, generator), optimizer, out diagnostics);
    }

    /// <summary>Runs one step of any model inside the caller's dispose scope: zero the gradients, compute the loss,
    /// refuse a non-finite loss (nothing is back-propagated or updated; that value is returned), back-propagate, step.</summary>
    /// <param name="loss">Computes the objective's loss and diagnostics on the batch.</param>
    /// <param name="optimizer">Optimiser over the model's trainable parameters.</param>
    /// <param name="diagnostics">The objective's diagnostics of this step.</param>
    public static double Run(Func<ObjectiveStep> loss, optim.Optimizer optimizer, out IReadOnlyDictionary<string, double> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.zero_grad();
        var outcome = loss();
        diagnostics = outcome.Diagnostics;
        var value = outcome.Loss.ToDouble();
        if (!double.IsFinite(value))
        {
            return value;
        }

        outcome.Loss.backward();
        optimizer.step();
        return value;
    }
}
