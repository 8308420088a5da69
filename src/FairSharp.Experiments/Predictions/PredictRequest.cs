namespace FairSharp.Experiments.Predictions;

/// <summary>What <c>fairsharp predict</c> scores: a model folder, a CSV of rows, and where the scores go.</summary>
/// <param name="Model">Model folder written by <c>fairsharp train</c> on a CSV (with preprocessing.json) or on the
/// catalogue's adult or german.</param>
/// <param name="Input">CSV of rows to score (header row; columns matched by name; extra columns ignored); for a
/// catalogue model, a file in that dataset's raw format.</param>
/// <param name="Output">CSV to write: the kept columns, then <c>score</c> and <c>prediction</c>.</param>
public sealed record PredictRequest(string Model, string Input, string Output)
{
    /// <summary>Columns copied to the output (<c>--keep</c>), after the target and sensitive columns, which are kept
    /// whenever the input has them so that the output feeds <c>fairsharp audit</c> directly.</summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    /// <summary>Decision threshold of <c>prediction</c>; null = the model's.</summary>
    public double? Threshold { get; init; }

    /// <summary>Seed of the randomised decisions of a post-processed model; null = the one <c>postprocess</c> used.</summary>
    public int? Seed { get; init; }

    /// <summary>Separator of the input; null = detected.</summary>
    public char? Separator { get; init; }

    /// <summary>Folder of the bundled datasets, for a model trained on a catalogue dataset (its encoder is fitted
    /// again from them); null = found as <c>train</c> finds it.</summary>
    public string? DataDirectory { get; init; }
}
