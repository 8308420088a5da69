namespace FairSharp.Training.Models;

/// <summary>A place where a <see cref="FairNetwork"/> can be cut into a bottom (input → representation) and a top
/// (representation → logits).</summary>
/// <param name="Index">Cut index, passed to <see cref="FairNetwork.Bottom"/> and <see cref="FairNetwork.Top"/>.</param>
/// <param name="Name">Readable name of the stage whose output is the representation (e.g. <c>hidden2</c>, <c>layer4</c>, <c>pool</c>).</param>
/// <param name="Shape">Shape of one row of the representation (without the batch dimension), e.g. <c>[64]</c> or <c>[128, 8, 8]</c>.</param>
/// <param name="IsPenultimate">True for the last stitch point: the input of the output layer.</param>
public sealed record StitchPoint(int Index, string Name, IReadOnlyList<int> Shape, bool IsPenultimate)
{
    /// <summary>Number of values per row of the representation (product of <see cref="Shape"/>).</summary>
    public int Width => Shape.Aggregate(1, (a, b) => a * b);
}
