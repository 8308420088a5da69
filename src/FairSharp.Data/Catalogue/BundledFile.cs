namespace FairSharp.Data.Catalogue;

/// <summary>One data file bundled in the repository's <c>data/</c> folder, with the facts it is verified against.</summary>
/// <param name="Dataset">Catalogue name of the dataset the file belongs to (e.g. <c>adult</c>).</param>
/// <param name="RelativePath">Path below the data folder, with forward slashes.</param>
/// <param name="Sha256">Expected sha256 of the file's bytes, lower-case hex.</param>
/// <param name="Rows">Expected number of data rows (non-blank lines after the header lines).</param>
/// <param name="HeaderLines">Lines before the first data row (a CSV header, or adult.test's <c>|1x3 Cross validator</c>).</param>
/// <param name="Licence">Licence or terms, as shown to users.</param>
public sealed record BundledFile(string Dataset, string RelativePath, string Sha256, int Rows, int HeaderLines, string Licence);
