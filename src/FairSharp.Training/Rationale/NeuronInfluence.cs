using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Rationale;

/// <summary>The differentiable building blocks of neuron influence, shared by the rationale probe and the GGPA
/// objective. Every result keeps its autograd graph (nothing is detached), so a loss built from them trains the
/// weights by double back-propagation when the gradients were taken with <c>create_graph: true</c>.</summary>
public static class NeuronInfluence
{
    /// <summary>The eps of <c>torch.cosine_similarity</c>'s default, used by FAIRER's code.</summary>
    public const double CosineEps = 1e-8;

    /// <summary>Weight-Taylor influence per output neuron: I[k] = Σ_j (W_kj · G_kj)² over slice k of dim 0, i.e.
    /// <c>(W * G).pow(2).reshape(W.shape[0], -1).sum(1)</c>; shape [W.shape[0]].</summary>
    /// <param name="weight">Weight tensor ([out, in] for Linear, [out, in, kh, kw] for Conv).</param>
    /// <param name="gradient">∂L/∂W, same shape.</param>
    public static Tensor WeightTaylor(Tensor weight, Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(gradient);
        using var scope = NewDisposeScope();
        var product = weight * gradient;
        var result = (product * product).reshape(weight.shape[0], -1).sum(1);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Activation-Taylor influence per output neuron / channel: I[k] = (Σ over rows and positions of
    /// z_k · ∂L/∂z_k)²; shape [C] for an output of shape [N, C, …].</summary>
    /// <param name="output">The layer's output z ([N, C] or [N, C, H, W]).</param>
    /// <param name="gradient">∂L/∂z, same shape.</param>
    public static Tensor ActivationTaylor(Tensor output, Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(gradient);
        using var scope = NewDisposeScope();
        var gate = GateGradient(output, gradient);
        return (gate * gate).MoveToOuterDisposeScope();
    }

    /// <summary>Σ over rows and positions of z_k · ∂L/∂z_k, per channel k (the gradient of the loss with respect to a
    /// multiplicative gate on channel k at gate = 1); shape [C]. Linear in the loss, so it can be accumulated over
    /// chunks of a batch before squaring.</summary>
    public static Tensor GateGradient(Tensor output, Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(gradient);
        using var scope = NewDisposeScope();
        var product = output * gradient;
        var channels = product.shape[1];
        var result = product.transpose(0, 1).reshape(channels, -1).sum(1);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>cos(a, b) = Σ (a / N(a)) · (b / N(b)) with N(x) = max(‖x‖, <see cref="CosineEps"/>): the value and
    /// the gradient of torch 1.13's <c>torch.cosine_similarity(a, b, dim=0)</c> (0-d tensor). Both vectors are
    /// non-negative, so the value is in [0, 1].</summary>
    /// <remarks>torch 1.13 clamps the saved norm in place, so its backward uses ∂N/∂x = x / max(‖x‖, eps) even below
    /// eps; libtorch 2.x (which TorchSharp binds) clamps a copy and differentiates the unclamped norm. The two agree
    /// for norms ≥ eps and differ below it (influence vectors of near-zero gradients); this follows 1.13, the torch of
    /// FAIRER's era (conformance comparison f, docs/conformance.md).</remarks>
    public static Tensor Cosine(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        using var scope = NewDisposeScope();
        var result = (a / ClampedNorm(a) * (b / ClampedNorm(b))).sum();
        return result.MoveToOuterDisposeScope();
    }

    // Value max(‖x‖, eps), gradient x / max(‖x‖, eps): the clamped value is a constant, plus a zero-valued term
    // whose gradient is that of ‖x‖²/2 divided by the constant.
    private static Tensor ClampedNorm(Tensor x)
    {
        var squared = (x * x).sum();
        var clamped = squared.detach().sqrt().ClampMin(CosineEps);
        return clamped.Plus((squared - squared.detach()) / clamped.Times(2));
    }
}
