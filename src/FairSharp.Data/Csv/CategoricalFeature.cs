namespace FairSharp.Data.Csv;

/// <summary>A categorical input and its one-hot categories (seen in the training split), in output order.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Categories">Categories, numbers by value else ordinal string order.</param>
public sealed record CategoricalFeature(string Name, IReadOnlyList<string> Categories);
