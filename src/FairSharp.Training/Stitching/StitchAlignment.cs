using FairSharp.Training.Objectives;
using FairSharp.Training.Rationale;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// FAIRER × TFS: FAIRER's gradient-guided parity alignment (GGPA) restricted to the layer the stitch controls. For
/// each label y with both groups in the batch, the stratum loss L_{y,g} = mean BCE over the rows of cell (y, g); its
/// gradient G_{y,g} = ∂L_{y,g}/∂W of the stitch weight W is taken with <c>create_graph</c>; the weight-Taylor influence
/// I_{y,g} = row sums of (W ⊙ G_{y,g})² gives one value per stitch output neuron (channel); S = Σ_y cos(I_{y,0}, I_{y,1}).
/// Pairs are within a label, as FAIRER's EO mode, because TFS's constraint is equalized odds. The trainer minimises
/// loss − λ_align·S, so S ∈ [0, 2] is pushed up (both groups rely on the same stitch neurons). As an objective it is a
/// decorator: the inner stitch loss minus λ_align·S, with S added to the diagnostics.
/// </summary>
/// <param name="inner">The stitch method's loss (<see cref="StitchLoss"/>).</param>
/// <param name="lambdaAlign">λ_align, &gt; 0.</param>
public sealed class StitchAlignment(IStitchObjective inner, double lambdaAlign) : IStitchObjective
{
    /// <summary>Diagnostic key of S.</summary>
    public const string Key = "alignment";

    /// <summary>λ_align.</summary>
    public double LambdaAlign => lambdaAlign;

    /// <summary>The inner objective, aligned when <paramref name="model"/> is a <see cref="StitchedNetwork"/>.</summary>
    public ObjectiveStep Step(FeatureClassifier model, Tensor logits, Tensor y, Tensor a)
    {
        var step = inner.Step(model, logits, y, a);
        if (model is not StitchedNetwork stitched)
        {
            return step;
        }

        var alignment = Compute(stitched, logits, y, a);
        var diagnostics = new Dictionary<string, double>(step.Diagnostics, StringComparer.Ordinal) { [Key] = alignment.ToDouble() };
        return new ObjectiveStep(step.Loss - alignment.Times(lambdaAlign), diagnostics);
    }

    /// <summary>S for one batch (a 0-d tensor that back-propagates to the stitch by double backprop).</summary>
    /// <param name="model">The stitched model whose stitch weight is aligned.</param>
    /// <param name="logits">The batch's logits from <paramref name="model"/> (with graph), [N].</param>
    /// <param name="y">Labels as 0/1 floats, [N].</param>
    /// <param name="a">Groups as 0/1 floats, [N].</param>
    public static Tensor Compute(StitchedNetwork model, Tensor logits, Tensor y, Tensor a)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(a);
        using var scope = NewDisposeScope();
        var weight = (Tensor)model.Stitch.Weight;
        var total = zeros([], logits.dtype, logits.device);
        for (var label = 0; label < 2; label++)
        {
            var influence = new Tensor?[2];
            for (var group = 0; group < 2; group++)
            {
                var rows = (y.Eq(label) & a.Eq(group)).nonzero().view(-1);
                if (rows.shape[0] == 0)
                {
                    continue;
                }

                var loss = nn.functional.binary_cross_entropy_with_logits(logits.index_select(0, rows), y.index_select(0, rows));
                var gradient = autograd.grad([loss], [weight], retain_graph: true, create_graph: true)[0];
                influence[group] = NeuronInfluence.WeightTaylor(weight, gradient);
            }

            if (influence[0] is { } first && influence[1] is { } second)
            {
                total = total.Plus(NeuronInfluence.Cosine(first, second).to(logits.dtype));
            }
        }

        return total.MoveToOuterDisposeScope();
    }
}
