namespace FairSharp.Training.Methods;

/// <summary>
/// What a method changes in a protocol's preset, held on its descriptor so that the protocol registry
/// (<see cref="Protocols.TrainingProtocols"/>) has no per-method branches. A null field keeps the preset's value; a request's
/// own override (<c>--dropout</c>, <c>--steps</c>) still wins over both.
/// </summary>
/// <param name="Dropout">Dropout of the MLP, or null for the preset's.</param>
/// <param name="Steps">Training steps of a step-based preset, or null for the preset's.</param>
public sealed record ProtocolDelta(double? Dropout = null, int? Steps = null)
{
    /// <summary>No change.</summary>
    public static ProtocolDelta None { get; } = new();
}
