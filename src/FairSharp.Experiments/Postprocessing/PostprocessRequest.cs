using FairSharp.Metrics;

namespace FairSharp.Experiments.Postprocessing;

/// <summary>What <c>fairsharp postprocess</c> does: which model folder, which constraint, and the data it needs.</summary>
/// <param name="Model">Model folder written by <c>fairsharp train</c> (verified by <c>TrainedModel.Load</c>).</param>
/// <param name="Constraint">Demographic parity or equalized odds.</param>
public sealed record PostprocessRequest(string Model, PostprocessingConstraint Constraint)
{
    /// <summary>Seed of the randomised decisions (the test metrics in result.json, and <c>predict</c>'s default). Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Grid intervals over [0, 1] for the constrained rate (fairlearn's <c>grid_size</c>). Default 1000.</summary>
    public int GridSize { get; init; } = ThresholdOptimizer.DefaultGridSize;

    /// <summary>Folder of the bundled datasets; null = located from the current directory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>UTKFace folder; null = the default places.</summary>
    public string? UtkFaceDirectory { get; init; }

    /// <summary>The CSV of a model trained with <c>--data</c>, when it moved; null = the recorded path.</summary>
    public string? DataFile { get; init; }
}
