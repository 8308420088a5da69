namespace FairSharp.Data.Catalogue;

/// <summary>A binary sensitive attribute of a dataset, encoded as its anchor (FFB, Fair Mixup, TFS) encodes it.</summary>
/// <param name="Name">The <c>--sensitive</c> name (ARCHITECTURE.md).</param>
/// <param name="Value0">Display name of the rows with s = 0.</param>
/// <param name="Value1">Display name of the rows with s = 1.</param>
/// <param name="Encoding">How s is computed from the raw data, and which rows are kept.</param>
public sealed record SensitiveAttribute(string Name, string Value0, string Value1, string Encoding);
