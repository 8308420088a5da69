using FairSharp.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>
/// <c>adversarial</c> (FFB <c>ffb_tabular_adv_gr.py</c>): an adversary reads the penultimate representation through a
/// gradient-reversal layer and predicts the group; loss = BCE(ŷ, y) + λ·BCE(ŝ, s) (cross-entropy for more than two
/// groups), minimised by one optimiser over the network and the adversary. The adversary learns to predict s; the
/// encoder receives −λ times its gradient and learns to hide s.
/// </summary>
/// <param name="lambda">Weight λ of the adversary's loss.</param>
/// <param name="groupCount">Number of groups.</param>
/// <param name="hiddenWidth">Adversary hidden width (FFB: 50).</param>
public sealed class AdversarialObjective(double lambda, int groupCount, int hiddenWidth = 50) : ObjectiveBase
{
    private GroupAdversary? adversary;

    /// <inheritdoc />
    public override string Name => "adversarial";

    /// <summary>The adversary (after <see cref="Attach"/>).</summary>
    public GroupAdversary? Adversary => adversary;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Attach(FairNetwork model)
    {
        ArgumentNullException.ThrowIfNull(model);
        adversary?.Dispose();
        adversary = new GroupAdversary(model.StitchPoints[^1].Width, hiddenWidth, groupCount);
        adversary.to(model.Head.weight!.device);
        return adversary.parameters().ToList();
    }

    /// <inheritdoc />
    public override ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var adv = adversary ?? throw new InvalidOperationException("AdversarialObjective.Attach must be called before Step");
        adv.train(model.training);
        var h = model.Representation(batch.X);
        var task = TaskLoss.Bce(model.Top(model.PenultimateCut, h), batch.Y);
        var guess = adv.forward(GradientReversal.Apply(h));
        var advLoss = groupCount == 2
            ? TaskLoss.Bce(guess.view(-1), batch.Group.to(guess.dtype))
            : nn.functional.cross_entropy(guess, batch.Group);
        var loss = task.Plus(advLoss.Times(lambda));
        return new ObjectiveStep(loss, new Dictionary<string, double>
        {
            ["task_loss"] = task.ToDouble(),
            ["adversary_loss"] = advLoss.ToDouble(),
        });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            adversary?.Dispose();
            adversary = null;
        }
    }
}
