namespace FairSharp.Data.Catalogue;

/// <summary>
/// The tabular data files that ship in the repository's <c>data/</c> folder (see <c>data/README.md</c>).
/// UTKFace is research-only and is never bundled: it is read from a path.
/// </summary>
public static class BundledFiles
{
    private const string CcBy4 = "CC BY 4.0";

    /// <summary>Every bundled data file, in catalogue order.</summary>
    public static IReadOnlyList<BundledFile> All { get; } =
    [
        new("adult", "adult/adult.data", "5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d", 32_561, 0, CcBy4),
        new("adult", "adult/adult.test", "a2a9044bc167a35b2361efbabec64e89d69ce82d9790d2980119aac5fd7e9c05", 16_281, 1, CcBy4),
        new("compas", "compas/compas-scores-two-years.csv", "25e75d5c23f74c57aacc3cb193139fa480d07a9f596cc7b7cb9a41051877387a", 7_214, 1,
            "public records (ProPublica); identity columns removed"),
        new("german", "german/german.data", "b21f3d81db8071257d5ff1deaeba1fd4303b62712e6fcc9715c7a86202cb5871", 1_000, 0, CcBy4),
        new("bank", "bank/bank-additional-full.csv", "74adfc578bf77a7ff4bb1ba4a9f8709d9e3c6907342959c2c8416847e0afb4d8", 41_188, 1, CcBy4),
        new("credit", "credit/UCI_Credit_Card.csv", "a0f0ab49d6326671d6cd83be5c88dcf18007025fe9a53ecd699119c871176ca1", 30_000, 1, CcBy4),
        new("acs-income-ct", "acs_pums_ct/new_2018.csv", "a7678abac9a266aa7cfbbe5d81ef85742e3cac385a0c60ee050f3670d577b346", 30_592, 1,
            "public domain (US Census)"),
    ];

    /// <summary>The bundled files of one dataset; empty for a dataset that is not bundled.</summary>
    public static IReadOnlyList<BundledFile> Of(string dataset) =>
        All.Where(f => string.Equals(f.Dataset, dataset, StringComparison.Ordinal)).ToArray();
}
