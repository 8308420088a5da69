namespace FairSharp.Data;

/// <summary>A dataset after a protocol: split, preprocessed, with group labels from the chosen sensitive attributes.</summary>
/// <param name="Dataset">Catalogue name (<c>adult</c>, <c>compas</c>, …).</param>
/// <param name="Protocol">Protocol preset that produced it (<c>ffb</c>, <c>fairmixup</c>, <c>tfs</c>).</param>
/// <param name="Sensitive">Sensitive attributes used for the groups, in order (several = intersectional).</param>
/// <param name="GroupNames">Display name of each group index (e.g. <c>sex=Female</c>, <c>sex=Male</c>).</param>
/// <param name="FeatureNames">Name of each input column (tabular), empty for images.</param>
/// <param name="Train">Training split.</param>
/// <param name="Validation">Validation split (model selection only).</param>
/// <param name="Test">Test split (reporting only).</param>
/// <param name="DataSha256">sha256 of the source files, for manifests.</param>
/// <param name="Seed">Seed that made the split.</param>
public sealed record PreparedDataset(
    string Dataset,
    string Protocol,
    IReadOnlyList<string> Sensitive,
    IReadOnlyList<string> GroupNames,
    IReadOnlyList<string> FeatureNames,
    DataSplit Train,
    DataSplit Validation,
    DataSplit Test,
    string DataSha256,
    int Seed)
{
    /// <summary>The preprocessing fitted on the training split when the data is a user's CSV (saved with the model
    /// as <c>preprocessing.json</c>); null for catalogue datasets.</summary>
    public Csv.TabularPreprocessing? Preprocessing { get; init; }
}
