using System.Globalization;
using FairSharp.Data;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>
/// <c>fairmixup</c> (Chuang &amp; Mroueh 2021, <c>chingyaoc/fair-mixup: adult/utils.py</c>): for each pair of strata
/// (dp: group 0 vs group 1; eo: the same within y = 0 and within y = 1; eopp: within y = 1), draw γ ~ Beta(1, 1),
/// mix x = γ·x₀ + (1 − γ)·x₁ row by row, and penalise the path derivative |mean_i ⟨∇ₓ f(x_mix,i), x₁,i − x₀,i⟩|
/// with f = sigmoid of the logit (gradient taken with create_graph and retain_graph, so it trains by double backprop).
/// Loss = BCE(joint unmixed batch) + λ·Σ pairs. Needs stratified batches and exactly two groups.
/// </summary>
public sealed class FairMixupObjective(FairnessConstraint constraint, double lambda) : ObjectiveBase
{
    /// <summary>Error text: Fair Mixup pairs exactly two groups (format: group count).</summary>
    public const string NeedsTwoGroups = "method 'fairmixup' mixes exactly 2 groups, got {0} (use one binary sensitive attribute)";

    /// <inheritdoc />
    public override string Name => "fairmixup";

    /// <inheritdoc />
    public override SamplingKind? RequiredSampling => FairMixupOptions.StratifiedBy(constraint);

    /// <inheritdoc />
    public override void CheckTrainingData(DataSplit train, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(groupNames);
        if (groupNames.Count != 2)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, NeedsTwoGroups, groupNames.Count));
        }

        TrainingDataChecks.RequireLabelsPerGroup(Name, train, groupNames, TrainingDataChecks.LabelsNeeded(constraint));
    }

    /// <inheritdoc />
    public override ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        // autograd.grad on a graph-less tensor aborts the process inside libtorch: make sure a graph is recorded.
        using var gradMode = enable_grad();
        Tensor? penalty = null;
        foreach (var (first, second) in Pairs(batch))
        {
            var n = Math.Min(first.Count, second.Count);
            var x0 = BatchContext.Select(batch.X, first).narrow(0, 0, n);
            var x1 = BatchContext.Select(batch.X, second).narrow(0, 0, n);
            var gamma = rand([1], generator: generator).ToDouble();
            var mixed = x0.Times(gamma).Plus(x1.Times(1 - gamma)).detach().requires_grad_(true);
            var output = sigmoid(model.forward(mixed)).sum();
            var gradient = autograd.grad([output], [mixed], retain_graph: true, create_graph: true)[0];
            var inner = (gradient * (x1 - x0)).flatten(1).sum(dim: 1);
            var term = inner.mean().abs();
            penalty = penalty is null ? term : penalty.Plus(term);
        }

        var task = TaskLoss.Bce(model.forward(batch.X), batch.Y);
        if (penalty is null)
        {
            return new ObjectiveStep(task, new Dictionary<string, double> { ["task_loss"] = task.ToDouble(), ["mixup_penalty"] = 0 });
        }

        var loss = task.Plus(penalty.Times(lambda));
        return new ObjectiveStep(loss, new Dictionary<string, double>
        {
            ["task_loss"] = task.ToDouble(),
            ["mixup_penalty"] = penalty.ToDouble(),
        });
    }

    private IEnumerable<(Stratum First, Stratum Second)> Pairs(BatchContext batch)
    {
        if (constraint == FairnessConstraint.DemographicParity)
        {
            var g0 = batch.GroupStrata.FirstOrDefault(s => s.Group == 0);
            var g1 = batch.GroupStrata.FirstOrDefault(s => s.Group == 1);
            if (g0 is not null && g1 is not null)
            {
                yield return (g0, g1);
            }

            yield break;
        }

        var labels = constraint == FairnessConstraint.EqualizedOdds ? new[] { 0, 1 } : new[] { 1 };
        foreach (var y in labels)
        {
            var c0 = batch.CellStrata.FirstOrDefault(s => s.Group == 0 && s.Label == y);
            var c1 = batch.CellStrata.FirstOrDefault(s => s.Group == 1 && s.Label == y);
            if (c0 is not null && c1 is not null)
            {
                yield return (c0, c1);
            }
        }
    }
}
