namespace FairSharp.Data.Catalogue;

/// <summary>A numeric input of a catalogue encoder: its name, mean and scale (population standard deviation, or 1 for
/// a constant column) of the training split.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Mean">Training mean of the float32 values.</param>
/// <param name="Scale">Training population standard deviation, or 1.</param>
public sealed record StandardisedColumn(string Name, double Mean, double Scale);
