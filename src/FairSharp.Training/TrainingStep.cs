using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>One optimisation step exactly as the <see cref="Trainer"/> runs it (also what the benchmarks time):
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
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.zero_grad();
        var outcome = objective.Step(model, batch, epoch, generator);
        diagnostics = outcome.Diagnostics;
        var loss = outcome.Loss.ToDouble();
        if (!double.IsFinite(loss))
        {
            return loss;
        }

        outcome.Loss.backward();
        optimizer.step();
        return loss;
    }
}
