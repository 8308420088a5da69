namespace FairSharp.Benchmarks;

/// <summary>
/// Multiply–accumulate count of an ERM step (also the FLOP count of <see cref="TrainingStepBenchmarks"/>) and of an exact GGPA step (FAIRER, shared layout) on an MLP of widths
/// <c>d → h₁ → … → 1</c> over a batch of N rows split into strata; element-wise work and Adam are left out (they are
/// under 1 % here). It bounds the GGPA/ERM time ratio from below when both run at the same matmul efficiency.
/// </summary>
/// <remarks>
/// With z_l = W_l a_{l−1} per layer (L layers, the last with one output) and ⟨a, b⟩ = N·a·b MACs for a layer of
/// widths a → b over the batch:
/// <list type="bullet">
/// <item>ERM = forward Σ_l ⟨l⟩ + backward: weight gradients Σ_l ⟨l⟩ + input gradients Σ_{l ≥ 2} ⟨l⟩.</item>
/// <item>GGPA = forward Σ_l ⟨l⟩; the strata's weight gradients with <c>create_graph</c> for the aligned layers
/// (all but the output) plus the input gradients down to layer 2; one final backward through the forward graph (as
/// ERM's); and the backward through the gradient graph: for each aligned layer l, G_l = δ_lᵀ a_{l−1} costs ⟨l⟩ for
/// ∂/∂δ_l and, unless a_{l−1} is the input, ⟨l⟩ for ∂/∂a_{l−1}; and where layer l + 1 is aligned too,
/// δ_l = (δ_{l+1} W_{l+1}) ⊙ relu′ costs 2⟨l+1⟩ for ∂/∂δ_{l+1} and ∂/∂W_{l+1}.</item>
/// </list>
/// For the Fair Mixup Adult MLP (120 → 200 → 200 → 1, N = 2000): ERM 336 M, GGPA 912 M MACs, ratio 2.71.
/// </remarks>
internal static class GgpaWork
{
    /// <summary>MACs of one ERM step.</summary>
    public static double Erm(int rows, IReadOnlyList<int> widths)
    {
        double forward = 0, backward = 0;
        for (var l = 0; l < widths.Count - 1; l++)
        {
            var macs = (double)rows * widths[l] * widths[l + 1];
            forward += macs;
            backward += macs + (l > 0 ? macs : 0);
        }

        return forward + backward;
    }

    /// <summary>MACs of one exact GGPA step (shared layout: the strata's passes make the joint pass).</summary>
    public static double Ggpa(int rows, IReadOnlyList<int> widths)
    {
        var layers = widths.Count - 1;
        double Macs(int l) => (double)rows * widths[l] * widths[l + 1];
        var erm = Erm(rows, widths);
        // create_graph gradients of the aligned layers 0..layers-2: their weight gradients, and the input gradients of
        // layers 1..layers-1 (the chain from the output down to layer 1's output).
        double gradients = 0;
        for (var l = 0; l < layers - 1; l++)
        {
            gradients += Macs(l);
        }

        for (var l = 1; l < layers; l++)
        {
            gradients += Macs(l);
        }

        // backward through the gradient graph
        double doubleBackward = 0;
        for (var l = 0; l < layers - 1; l++)
        {
            doubleBackward += Macs(l) + (l > 0 ? Macs(l) : 0); // G_l = δ_lᵀ a_{l−1}: ∂δ_l, and ∂a_{l−1} unless a_{l−1} is the input
            if (l + 1 < layers - 1)
            {
                doubleBackward += 2 * Macs(l + 1); // δ_l = (δ_{l+1} W_{l+1}) ⊙ relu′: ∂δ_{l+1} and ∂W_{l+1}
            }
        }

        return erm + gradients + doubleBackward;
    }
}
