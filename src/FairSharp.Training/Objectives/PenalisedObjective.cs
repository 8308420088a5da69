using TorchSharp;
using FairSharp.Training.Models;
using FairSharp.Training.Penalties;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>BCE + λ·penalty(sigmoid(logits), y, group) on one forward pass of the batch: the shape shared by
/// <c>gapreg</c>, <c>hsic</c> and <c>prejudice-remover</c>.</summary>
public abstract class PenalisedObjective : ObjectiveBase
{
    private readonly IFairnessPenalty penalty;
    private readonly double lambda;

    /// <summary>Creates the objective.</summary>
    protected PenalisedObjective(IFairnessPenalty penalty, double lambda)
    {
        this.penalty = penalty;
        this.lambda = lambda;
    }

    /// <summary>The penalty term.</summary>
    public IFairnessPenalty Penalty => penalty;

    /// <summary>Weight λ of the penalty.</summary>
    public double Lambda => lambda;

    /// <inheritdoc />
    public override ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var logits = model.forward(batch.X);
        var task = TaskLoss.Bce(logits, batch.Y);
        var term = penalty.Compute(sigmoid(logits), batch.Y, batch.Group);
        var loss = task.Plus(term.Times(lambda));
        var diagnostics = new Dictionary<string, double>
        {
            ["task_loss"] = task.ToDouble(),
            [penalty.Name] = term.ToDouble(),
        };
        return new ObjectiveStep(loss, diagnostics);
    }
}
