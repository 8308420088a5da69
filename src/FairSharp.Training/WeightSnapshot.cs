using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>
/// The one snapshot / restore of both training loops: detached copies of a model's tensors (its state, or only its
/// trainable parameters), written back in place when the selection rule's choice is not the last epoch.
/// </summary>
internal sealed class WeightSnapshot : IDisposable
{
    private readonly Tensor[] targets;
    private readonly Tensor[] copies;

    private WeightSnapshot(Tensor[] targets)
    {
        using var noGrad = no_grad();
        this.targets = targets;
        copies = targets.Select(t => t.detach().clone().DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Copies <paramref name="tensors"/> (live tensors of the model, in a fixed order).</summary>
    public static WeightSnapshot Take(IEnumerable<Tensor> tensors) => new(tensors.ToArray());

    /// <summary>Writes the copies back into the tensors they were taken from.</summary>
    public void Restore()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i].copy_(copies[i]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var copy in copies)
        {
            copy.Dispose();
        }
    }
}
