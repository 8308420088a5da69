namespace FairSharp.Data.Catalogue;

/// <summary>A bundled file that passed verification: its sha256 and row count are the expected ones.</summary>
/// <param name="File">The catalogue entry.</param>
/// <param name="FullPath">Where the file was read.</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="Rows">Data rows counted in the file.</param>
public sealed record VerifiedFile(BundledFile File, string FullPath, long Bytes, int Rows);
