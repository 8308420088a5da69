namespace FairSharp.Training.Stitching;

/// <summary>How the stitching layer starts (CLI <c>--init</c>).</summary>
public enum StitchInit
{
    /// <summary><c>random</c>: PyTorch's default for <c>nn.Linear</c> / <c>nn.Conv2d</c> (Kaiming-uniform with a = √5,
    /// bias U(−1/√fan_in, 1/√fan_in)), as released: the stitched model does not reproduce the backbone at step 0.</summary>
    Random,

    /// <summary><c>identity</c>: W = I, b = 0; the stitched model starts as the backbone exactly (tfs.md A3).</summary>
    Identity,

    /// <summary><c>lstsq</c>: the affine map that best reproduces the backbone's own representation in least squares
    /// on the fine-tuning set (Csiszárik et al. 2021, direct matching); ≈ identity for a self-stitch.</summary>
    LeastSquares,
}

/// <summary>Names of <see cref="StitchInit"/> values as the CLI and the JSON spell them.</summary>
public static class StitchInits
{
    /// <summary><c>random</c>, <c>identity</c> or <c>lstsq</c>.</summary>
    public static string ToName(this StitchInit init) => init switch
    {
        StitchInit.Random => "random",
        StitchInit.Identity => "identity",
        _ => "lstsq",
    };
}
