using FairSharp.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Rationale;

/// <summary>
/// FAIRER's gradient-guided parity alignment term (GGPA, fairer.md §5), exactly as the authors' code computes it:
/// for every stratum s, G_s = ∂L_s/∂W for every parameter W named <c>weight</c> (biases excluded; BatchNorm scales
/// included, one "neuron" per channel, as the authors' <c>'weight' in name</c> filter does), with <c>create_graph: true</c> and
/// never detached; I_s = row sums over dim 0 of (W ⊙ G_s)²; S = Σ over pairs (s, t) Σ over layers cos(I_s, I_t).
/// Pairs: every pair of groups (DP, strata without label), or every pair of groups with the same label (EO).
/// The caller subtracts λ_align·S from the loss.
/// </summary>
/// <remarks>
/// A one-neuron layer (the output layer) has a 1-element influence vector whose cosine is identically 1 with zero
/// gradient: it is added as the constant 1 per pair without computing its gradient (the authors compute it; torch's
/// eps would make it fall below 1 only if an influence were under 1e-8, which this port does not reproduce).
/// </remarks>
public sealed class ParityAlignment
{
    private readonly IReadOnlyList<WeightLayer> layers;
    private readonly WeightLayer[] aligned;
    private readonly List<Tensor> weights;
    private readonly GroupPairing pairing;

    /// <summary>Prepares the term for <paramref name="model"/>'s weight layers.</summary>
    /// <param name="model">The network being trained.</param>
    /// <param name="pairing">All pairs (default) or the worst pair, for more than two groups.</param>
    /// <param name="alignNormWeights">True (default, the authors' code) to align the BatchNorm scales as well; false
    /// for the conv and linear weights only.</param>
    public ParityAlignment(FairNetwork model, GroupPairing pairing = GroupPairing.AllPairs, bool alignNormWeights = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        layers = alignNormWeights ? model.AllWeights : model.WeightLayers;
        aligned = layers.Where(l => l.OutputCount > 1).ToArray();
        weights = aligned.Select(l => (Tensor)l.Weight).ToList();
        this.pairing = pairing;
    }

    /// <summary>The layers whose cosine is trained (more than one output neuron).</summary>
    public IReadOnlyList<WeightLayer> AlignedLayers => aligned;

    /// <summary>Every weight layer, input → output (the order of <see cref="AlignmentTerm.LayerCosines"/>).</summary>
    public IReadOnlyList<WeightLayer> Layers => layers;

    /// <summary>Weight-Taylor influence of every aligned layer on <paramref name="loss"/>.</summary>
    /// <param name="loss">A stratum's mean loss.</param>
    /// <param name="createGraph">True to keep the graph of the gradients (training); false for a detached measurement.</param>
    public IReadOnlyList<Tensor> Influence(Tensor loss, bool createGraph)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (aligned.Length == 0)
        {
            return [];
        }

        using var scope = NewDisposeScope();
        // retain_graph must be explicit: TorchSharp does not tie it to create_graph, and the step's final backward
        // (and the other strata's gradients) run through the same forward graph.
        var gradients = autograd.grad([loss], weights, retain_graph: true, create_graph: createGraph);
        var result = new Tensor[aligned.Length];
        for (var l = 0; l < aligned.Length; l++)
        {
            var weight = createGraph ? (Tensor)aligned[l].Weight : aligned[l].Weight.detach();
            result[l] = NeuronInfluence.WeightTaylor(weight, gradients[l]).MoveToOuterDisposeScope();
        }

        return result;
    }

    /// <summary>Computes S over the pairs of <paramref name="strata"/>.</summary>
    /// <param name="strata">Each stratum's loss; strata with a label are paired only with the same label.</param>
    /// <param name="createGraph">True when S is trained (double backprop); false for diagnostics only.</param>
    public AlignmentTerm Compute(IReadOnlyList<StratumLoss> strata, bool createGraph)
    {
        ArgumentNullException.ThrowIfNull(strata);
        using var scope = NewDisposeScope();
        var influence = strata.Select(s => Influence(s.Loss, createGraph)).ToArray();
        var blocks = new List<List<(int First, int Second)>>();
        foreach (var label in strata.Select(s => s.Label).Distinct())
        {
            var block = new List<(int, int)>();
            for (var i = 0; i < strata.Count; i++)
            {
                for (var j = i + 1; j < strata.Count; j++)
                {
                    if (strata[i].Label == label && strata[j].Label == label && strata[i].Group != strata[j].Group)
                    {
                        block.Add((i, j));
                    }
                }
            }

            if (block.Count > 0)
            {
                blocks.Add(block);
            }
        }

        var pairs = blocks.SelectMany(b => b).ToArray();
        var constants = layers.Count - aligned.Length;
        var device = layers[0].Weight.device;
        var dtype = layers[0].Weight.dtype;
        if (pairs.Length == 0)
        {
            var zero = zeros([], dtype, device);
            return new AlignmentTerm(zero.MoveToOuterDisposeScope(), 0, layers.Select(l => l.OutputCount > 1 ? double.NaN : 1.0).ToArray(), 0);
        }

        if (aligned.Length == 0)
        {
            var constant = ScalarMath.Full([], (double)(constants * pairs.Length), dtype, device);
            return new AlignmentTerm(constant.MoveToOuterDisposeScope(), constants * pairs.Length, layers.Select(_ => 1.0).ToArray(), pairs.Length);
        }

        // cosines[p, l]: one tensor, read back once for the diagnostics.
        var cosines = stack(pairs.Select(p => stack(aligned.Select((_, l) =>
            NeuronInfluence.Cosine(influence[p.First][l], influence[p.Second][l])).ToArray())).ToArray());
        var values = cosines.detach().to(float64).cpu().data<double>().ToArray();
        var used = Enumerable.Range(0, pairs.Length).ToList();
        if (pairing == GroupPairing.WorstPair)
        {
            used.Clear();
            var offset = 0;
            foreach (var block in blocks)
            {
                var best = offset;
                for (var p = offset; p < offset + block.Count; p++)
                {
                    if (PairSum(values, p) < PairSum(values, best))
                    {
                        best = p;
                    }
                }

                used.Add(best);
                offset += block.Count;
            }
        }

        var chosen = cosines.index_select(0, tensor(used.Select(p => (long)p).ToArray(), device: device));
        var value = chosen.sum().Plus((double)(constants * used.Count));
        var layerCosines = new double[layers.Count];
        var a = 0;
        for (var l = 0; l < layers.Count; l++)
        {
            if (layers[l].OutputCount == 1)
            {
                layerCosines[l] = 1.0;
                continue;
            }

            layerCosines[l] = used.Average(p => values[(p * aligned.Length) + a]);
            a++;
        }

        var alignment = used.Sum(p => PairSum(values, p)) + (constants * used.Count);
        var result = createGraph ? value : value.detach();
        return new AlignmentTerm(result.MoveToOuterDisposeScope(), alignment, layerCosines, used.Count);

        double PairSum(double[] v, int p)
        {
            double sum = 0;
            for (var l = 0; l < aligned.Length; l++)
            {
                sum += v[(p * aligned.Length) + l];
            }

            return sum;
        }
    }
}
