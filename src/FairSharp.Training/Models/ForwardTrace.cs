using static TorchSharp.torch;

namespace FairSharp.Training.Models;

/// <summary>Everything one forward pass computed: the output of every weight layer (before its activation), the
/// representation at every stitch point, the penultimate representation and the logits.</summary>
/// <remarks>The tensors belong to the caller's dispose scope; they stay alive until it ends (unlike hooks on a
/// <c>Sequential</c>, whose intermediates are disposed).</remarks>
/// <param name="LayerOutputs">Output of each weight layer in <see cref="FairNetwork.WeightLayers"/> order, before activation.</param>
/// <param name="StageOutputs">Representation at each stitch point, in <see cref="FairNetwork.StitchPoints"/> order.</param>
/// <param name="Logits">One logit per row, shape [N].</param>
public sealed record ForwardTrace(IReadOnlyList<Tensor> LayerOutputs, IReadOnlyList<Tensor> StageOutputs, Tensor Logits)
{
    /// <summary>The penultimate representation (input of the output layer), shape [N, width].</summary>
    public Tensor Representation => StageOutputs[^1];
}
