namespace FairSharp.Data.Csv;

/// <summary>The target column and its positive value.</summary>
/// <param name="Column">Target column.</param>
/// <param name="Positive">The value that means y = 1; every other value is y = 0.</param>
/// <param name="Values">The target's values in the data, in sorted order.</param>
public sealed record TargetEncoding(string Column, string Positive, IReadOnlyList<string> Values);
