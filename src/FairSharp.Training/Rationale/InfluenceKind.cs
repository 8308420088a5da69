namespace FairSharp.Training.Rationale;

/// <summary>How the influence of one output neuron (or channel) of a weight layer is measured on a group's loss.</summary>
public enum InfluenceKind
{
    /// <summary>FAIRER's weight-Taylor importance (default): I[k] = Σ_{j ∈ fan-in of k} (W_kj · ∂L/∂W_kj)², biases
    /// excluded. The squared first-order Taylor estimate of the loss change when each weight is zeroed, summed per
    /// neuron (the authors' <c>(W * G).pow(2).view(W.shape[0], -1).sum(1)</c>).</summary>
    WeightTaylor,

    /// <summary>Activation-Taylor (gate-style) importance: I[k] = (Σ_{rows, positions} z_k · ∂L/∂z_k)², with z_k the
    /// layer's output (before its activation). It equals the squared gradient of the loss with respect to a
    /// multiplicative gate on the neuron, evaluated at gate = 1 (NVIDIA's Taylor-pruning criterion).</summary>
    ActivationTaylor,
}
