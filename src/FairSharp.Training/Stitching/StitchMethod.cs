namespace FairSharp.Training.Stitching;

/// <summary>What is trained on the cached representation (CLI <c>--method</c> of <c>fairsharp stitch</c>).</summary>
public enum StitchMethod
{
    /// <summary><c>tfs</c>: The Fairness Stitch as released: a trainable stitching layer in front of the backbone's
    /// frozen top (the rest of the network after the stitch point, at least its output layer).</summary>
    Tfs,

    /// <summary><c>fdr</c>: fair deep feature reweighting (Mao et al. 2023): a fresh trainable linear head on the
    /// representation, the backbone's head discarded, class-weighted NLL.</summary>
    Fdr,

    /// <summary><c>tfs-joint</c>: the stitch and the backbone's output layer both trainable (tfs.md A2, the abstract's
    /// "stitching and training jointly").</summary>
    TfsJoint,
}

/// <summary>Names of <see cref="StitchMethod"/> values as the CLI, the JSON and the sweep spell them.</summary>
public static class StitchMethods
{
    /// <summary>Every method name, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tfs", "fdr", "tfs-joint"];

    /// <summary><c>tfs</c>, <c>fdr</c> or <c>tfs-joint</c>.</summary>
    public static string ToName(this StitchMethod method) => method switch
    {
        StitchMethod.Tfs => "tfs",
        StitchMethod.Fdr => "fdr",
        _ => "tfs-joint",
    };
}
