using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training;

/// <summary>
/// Tensor arithmetic with numbers, and tensor + tensor, through <see cref="Scalar"/>s that stay alive for the whole
/// native call. TorchSharp 0.107.0's <see cref="Scalar"/> holds a raw native pointer that only its finalizer frees,
/// and its methods do not keep the Scalar alive across the P/Invoke; its operators (<c>a + b</c>, <c>t * 0.5</c>,
/// <c>1 - p</c>) create such Scalars themselves and never dispose them. With the background GC on, one was finalized
/// while libtorch still read it (docs/torchsharp-notes.md, section 2). Here every Scalar is either a static constant,
/// reachable for the life of the process, or made for one call and disposed right after it. Each method makes the
/// same libtorch call, with the same Scalar type (int, long or double), as the TorchSharp operator it replaces, so
/// results are bitwise identical. This is the only type of FairSharp.Training that creates Scalars (a test reads the
/// IL to keep it so).
/// </summary>
internal static class ScalarMath
{
    /// <summary>The int 1 that TorchSharp passes as <c>alpha</c> in <c>add(Tensor)</c> and <c>add(Scalar)</c>.</summary>
    private static readonly Scalar One = 1.ToScalar();

    /// <summary>The int 2 of TorchSharp's <c>square()</c> (<c>pow(2)</c>).</summary>
    private static readonly Scalar Two = 2.ToScalar();

    /// <summary><c>a + b</c>: <c>add(b, alpha: 1)</c>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><c>a + alpha·b</c>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b, double alpha)
    {
        using var scalar = alpha.ToScalar();
        return a.add(b, scalar);
    }

    /// <summary>In-place <c>a += b</c>: <c>add_(b, alpha: 1)</c>.</summary>
    public static Tensor PlusInPlace(this Tensor a, Tensor b) => a.add_(b, One);

    /// <summary>In-place <c>a += alpha·b</c>.</summary>
    public static Tensor PlusInPlace(this Tensor a, Tensor b, double alpha)
    {
        using var scalar = alpha.ToScalar();
        return a.add_(b, scalar);
    }

    /// <summary><c>t + value</c>: <c>add(value, alpha: 1)</c>.</summary>
    public static Tensor Plus(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.add(scalar, One);
    }

    /// <summary>In-place <c>t += value</c>: <c>add_(value, alpha: 1)</c>.</summary>
    public static Tensor PlusInPlace(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.add_(scalar, One);
    }

    /// <summary><c>t - value</c>.</summary>
    public static Tensor Minus(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.sub(scalar);
    }

    /// <summary><c>value - t</c>, as TorchSharp's operator computes it: <c>(−t) + value</c>.</summary>
    public static Tensor SubtractedFrom(this Tensor t, int value)
    {
        using var scalar = value.ToScalar();
        using var negated = t.negative();
        return negated.add(scalar, One);
    }

    /// <summary><c>value - t</c>, as TorchSharp's operator computes it: <c>(−t) + value</c>.</summary>
    public static Tensor SubtractedFrom(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        using var negated = t.negative();
        return negated.add(scalar, One);
    }

    /// <summary><c>t · value</c>.</summary>
    public static Tensor Times(this Tensor t, int value)
    {
        using var scalar = value.ToScalar();
        return t.mul(scalar);
    }

    /// <summary><c>t · value</c>.</summary>
    public static Tensor Times(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.mul(scalar);
    }

    /// <summary>In-place <c>t ·= value</c>.</summary>
    public static Tensor TimesInPlace(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.mul_(scalar);
    }

    /// <summary><c>t / value</c>.</summary>
    public static Tensor DividedBy(this Tensor t, long value)
    {
        using var scalar = value.ToScalar();
        return t.div(scalar);
    }

    /// <summary><c>t / value</c>.</summary>
    public static Tensor DividedBy(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.div(scalar);
    }

    /// <summary><c>t²</c>, as TorchSharp's <c>square()</c> computes it: <c>pow(2)</c>.</summary>
    public static Tensor Squared(this Tensor t) => t.pow(Two);

    /// <summary><c>t &gt; value</c> (a bool tensor).</summary>
    public static Tensor Gt(this Tensor t, int value)
    {
        using var scalar = value.ToScalar();
        return t.gt(scalar);
    }

    /// <summary><c>t &gt; value</c> (a bool tensor).</summary>
    public static Tensor Gt(this Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return t.gt(scalar);
    }

    /// <summary><c>t ≥ value</c> (a bool tensor).</summary>
    public static Tensor Ge(this Tensor t, int value)
    {
        using var scalar = value.ToScalar();
        return t.ge(scalar);
    }

    /// <summary><c>t = value</c> (a bool tensor).</summary>
    public static Tensor Eq(this Tensor t, int value)
    {
        using var scalar = value.ToScalar();
        return t.eq(scalar);
    }

    /// <summary><c>max(t, min)</c> element-wise.</summary>
    public static Tensor ClampMin(this Tensor t, int min)
    {
        using var scalar = min.ToScalar();
        return t.clamp_min(scalar);
    }

    /// <summary><c>max(t, min)</c> element-wise.</summary>
    public static Tensor ClampMin(this Tensor t, double min)
    {
        using var scalar = min.ToScalar();
        return t.clamp_min(scalar);
    }

    /// <summary><c>min(max(t, min), max)</c> element-wise.</summary>
    public static Tensor Clamp(this Tensor t, double min, double max)
    {
        using var low = min.ToScalar();
        using var high = max.ToScalar();
        return t.clamp(low, high);
    }

    /// <summary>A tensor of <paramref name="size"/> filled with <paramref name="value"/>.</summary>
    public static Tensor Full(long[] size, double value, ScalarType dtype, Device device)
    {
        using var scalar = value.ToScalar();
        return full(size, scalar, dtype, device);
    }

    /// <summary>In-place <c>t += value · a · b</c>.</summary>
    public static Tensor AddcmulInPlace(this Tensor t, Tensor a, Tensor b, double value)
    {
        using var scalar = value.ToScalar();
        return t.addcmul_(a, b, scalar);
    }

    /// <summary>In-place <c>t += value · a / b</c>.</summary>
    public static Tensor AddcdivInPlace(this Tensor t, Tensor a, Tensor b, double value)
    {
        using var scalar = value.ToScalar();
        return t.addcdiv_(a, b, scalar);
    }

    /// <summary>A tensor shaped like <paramref name="t"/> filled with <paramref name="value"/>.</summary>
    public static Tensor FullLike(Tensor t, double value)
    {
        using var scalar = value.ToScalar();
        return full_like(t, scalar);
    }
}
