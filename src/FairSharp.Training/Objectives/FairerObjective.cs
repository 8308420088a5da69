using FairSharp.Data;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Penalties;
using FairSharp.Training.Rationale;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>
/// <c>fairer</c>: FAIRER's gradient-guided parity alignment (Li et al., ICML 2023; the authors' <c>CAIGA</c> code,
/// fairer.md §5–§7). Per step, on group-stratified (dp) or (group, label)-stratified (eo, eopp) batches:
/// <c>loss = BCE(joint batch) − λ_align · S + λ_fair · gap</c>, where S = Σ_pairs Σ_weight layers cos(I_s, I_t) is the
/// <see cref="ParityAlignment"/> term (subgroup gradients with <c>create_graph</c>, not detached: trained by double
/// backprop) and gap is the <c>gapreg</c> penalty of the constraint (for two groups the authors'
/// |mean f(x_0) − mean f(x_1)|, summed over y for eo). Pairs: groups (dp); groups within y = 0 and within y = 1 (eo);
/// within y = 1 only (eopp, an extension: the authors have dp and eo). More than two groups: every pair (default) or
/// the worst pair (<see cref="GroupPairing"/>); the gap is then gapreg's max − min over groups.
/// </summary>
/// <remarks>
/// Deviations from the authors' code, all value-preserving for the Adult MLP: with the default
/// <see cref="FairerPasses.Shared"/> layout the joint task loss and the gap reuse the per-stratum forward passes
/// (1 pass-equivalent instead of 5); one-neuron layers add their constant cosine 1 without a gradient computation.
/// With λ_align = 0 the step is exactly <c>gapreg</c>'s (one joint pass; the authors likewise detach the influences
/// then) and S is only measured, detached, for the diagnostics.
/// Diagnostics: <c>task_loss</c>, the gap (<c>dp_gap</c> / <c>eo_gap</c> / <c>eopp_gap</c>), <c>alignment</c> (S,
/// including the +1 per pair of the output layer, like the authors' <c>loss_reg_s</c>) and <c>cosine/&lt;layer&gt;</c>
/// for every weight layer (mean over the pairs used).
/// </remarks>
public sealed class FairerObjective : ObjectiveBase
{
    /// <summary>Prefix of the per-layer cosine diagnostics (<c>cosine/stages.0.linear.weight</c>, …).</summary>
    public const string CosinePrefix = "cosine/";

    /// <summary>Name of the alignment diagnostic (S).</summary>
    public const string AlignmentKey = "alignment";

    /// <summary>Error text: a batch without two groups to compare (format: constraint).</summary>
    public const string NoPairs = "method 'fairer' ({0}) got a batch without two groups to align; use stratified sampling";

    private readonly FairnessConstraint constraint;
    private readonly double lambdaFair;
    private readonly double lambdaAlign;
    private readonly GroupPairing pairing;
    private readonly FairerPasses passes;
    private readonly bool alignNormWeights;
    private readonly IFairnessPenalty penalty;

    /// <summary>Creates the objective.</summary>
    /// <param name="constraint">dp (group strata), eo (cell strata, alignment within each label) or eopp (within y = 1).</param>
    /// <param name="groupCount">Number of groups G.</param>
    /// <param name="options">λ_fair, λ_align, pairing and pass layout (<see cref="FairerOptions"/>, validated when built).</param>
    public FairerObjective(FairnessConstraint constraint, int groupCount, FairerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.constraint = constraint;
        lambdaFair = options.LambdaFair;
        lambdaAlign = options.LambdaAlign;
        pairing = options.Pairing;
        passes = options.Passes;
        alignNormWeights = options.AlignNormWeights;
        penalty = GapRegObjective.Create(constraint, groupCount);
    }

    /// <inheritdoc />
    public override string Name => "fairer";

    /// <summary>The constraint of the gap and of the strata.</summary>
    public FairnessConstraint Constraint => constraint;

    /// <summary>λ_fair.</summary>
    public double LambdaFair => lambdaFair;

    /// <summary>λ_align.</summary>
    public double LambdaAlign => lambdaAlign;

    /// <inheritdoc />
    public override SamplingKind? RequiredSampling => FairerOptions.Descriptor.Sampling(constraint);

    /// <inheritdoc />
    public override void CheckTrainingData(DataSplit train, IReadOnlyList<string> groupNames) =>
        TrainingDataChecks.RequireLabelsPerGroup(Name, train, groupNames, TrainingDataChecks.LabelsNeeded(constraint));

    /// <inheritdoc />
    public override ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        // autograd.grad on a graph-less tensor aborts the process inside libtorch: make sure a graph is recorded.
        using var gradMode = enable_grad();
        // Built per step (a few microseconds): the model's weight layers are rebuilt on access, so a device move between
        // steps never leaves this term holding stale parameters.
        var term = new ParityAlignment(model, pairing, alignNormWeights);
        var strata = Strata(batch);
        if (lambdaAlign == 0)
        {
            return GapRegStep(model, batch, term, strata);
        }

        var logits = strata.Select(s => model.forward(BatchContext.Select(batch.X, s))).ToArray();
        var labels = strata.Select(s => BatchContext.Select(batch.Y, s)).ToArray();
        var losses = strata.Select((s, i) => new StratumLoss(s.Group, s.Label, TaskLoss.Bce(logits[i], labels[i]))).ToArray();
        var joint = cat(logits, 0);
        var jointY = cat(labels, 0);
        var jointGroup = cat(strata.Select(s => BatchContext.Select(batch.Group, s)).ToArray(), 0);
        Tensor task;
        Tensor gapScores;
        if (passes == FairerPasses.Authors)
        {
            task = TaskLoss.Bce(model.forward(batch.X), batch.Y);
            gapScores = constraint == FairnessConstraint.DemographicParity
                ? sigmoid(cat(strata.Select(s => model.forward(BatchContext.Select(batch.X, s))).ToArray(), 0))
                : sigmoid(joint);
        }
        else
        {
            task = TaskLoss.Bce(joint, jointY);
            gapScores = sigmoid(joint);
        }

        var gap = penalty.Compute(gapScores, jointY, jointGroup);
        var aligned = term.Compute(Paired(losses), createGraph: true);
        var loss = (task - aligned.Value.Times(lambdaAlign)).Plus(gap.Times(lambdaFair));
        return new ObjectiveStep(loss, Diagnostics(task, gap, aligned, term));
    }

    // λ_align = 0: exactly gapreg's step (one joint pass); S is measured detached for the diagnostics only.
    private ObjectiveStep GapRegStep(FairNetwork model, BatchContext batch, ParityAlignment term, IReadOnlyList<Stratum> strata)
    {
        var logits = model.forward(batch.X);
        var task = TaskLoss.Bce(logits, batch.Y);
        var gap = penalty.Compute(sigmoid(logits), batch.Y, batch.Group);
        var loss = task.Plus(gap.Times(lambdaFair));
        var losses = strata.Select(s => new StratumLoss(s.Group, s.Label,
            TaskLoss.Bce(BatchContext.Select(logits, s), BatchContext.Select(batch.Y, s)))).ToArray();
        var measured = term.Compute(Paired(losses), createGraph: false);
        return new ObjectiveStep(loss, Diagnostics(task, gap, measured, term));
    }

    private Dictionary<string, double> Diagnostics(Tensor task, Tensor gap, AlignmentTerm aligned, ParityAlignment term)
    {
        var diagnostics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["task_loss"] = task.ToDouble(),
            [penalty.Name] = gap.ToDouble(),
            [AlignmentKey] = aligned.Alignment,
        };
        for (var l = 0; l < term.Layers.Count; l++)
        {
            diagnostics[CosinePrefix + term.Layers[l].Name] = aligned.LayerCosines[l];
        }

        return diagnostics;
    }

    // The strata whose influences are compared: all of them (dp: groups; eo: cells, paired within each label), or
    // the y = 1 cells only (eopp; the y = 0 cells still enter the task loss). A batch lacking a group gives no pair
    // (S = 0); the stratified samplers the method requires never produce one.
    private StratumLoss[] Paired(StratumLoss[] losses) =>
        constraint == FairnessConstraint.EqualOpportunity ? losses.Where(l => l.Label == 1).ToArray() : losses;

    private IReadOnlyList<Stratum> Strata(BatchContext batch) =>
        constraint == FairnessConstraint.DemographicParity ? batch.GroupStrata : batch.CellStrata;
}
