using FairSharp.Data.Protocols;

namespace FairSharp.Data.Catalogue;

/// <summary>The datasets FairSharp knows, with their targets, sensitive attributes, row counts and licences.</summary>
public static class DatasetCatalogue
{
    private const string CcBy4 = "CC BY 4.0";

    /// <summary>Every dataset, in catalogue order.</summary>
    public static IReadOnlyList<DatasetInfo> All { get; } =
    [
        new("adult", "Adult (UCI Census Income)", "income > 50K",
            [
                new("sex", "Female", "Male", "s = 1 for Male (FFB, Fair Mixup)"),
                new("race", "Black", "White", "FFB: only White and Black rows kept, s = 1 for White; fairmixup: s = race_White (White vs all others)"),
            ],
            48_842, 45_222, CcBy4, FfbProtocol.ProtocolName, true),
        new("compas", "COMPAS (ProPublica, two-year recidivism)", "two_year_recid = 1",
            [
                new("sex", "Female", "Male", "s = 1 for Male"),
                new("race", "non-Caucasian", "Caucasian", "s = 1 for Caucasian, 0 for every other race (FFB)"),
            ],
            7_214, 6_172, "public records (ProPublica); identity columns never loaded", FfbProtocol.ProtocolName, true),
        new("german", "German credit (UCI Statlog)", "credit = 1 (good)",
            [
                new("sex", "female", "male", "personal_status A91/A93/A94 male (s = 1), A92/A95 female"),
                new("age", "<=25", ">25", "s = 1 for age > 25 (FFB)"),
            ],
            1_000, 1_000, CcBy4, FfbProtocol.ProtocolName, true),
        new("bank", "Bank marketing (UCI, bank-additional-full)", "y = yes (subscribed)",
            [new("age", "<25", ">=25", "s = 1 for age >= 25 (FFB); age removed from the inputs")],
            41_188, 41_188, CcBy4, FfbProtocol.ProtocolName, true),
        new("credit", "Default of credit card clients (UCI, Taiwan 2005)", "default.payment.next.month = 1",
            [
                new("sex", "male", "female", "SEX = 2 (female) gives s = 1 (our choice, as FFB's ACS convention)"),
                new("age", "<25", ">=25", "s = 1 for AGE >= 25 (as FFB's Bank threshold)"),
            ],
            30_000, 30_000, CcBy4, FfbProtocol.ProtocolName, true),
        new("acs-income-ct", "ACS PUMS CT-2018 income (ACSIncome-like)", "Income > 50,000",
            [
                new("sex", "male", "female", "Sex = 2 (female) gives s = 1 (FFB's ACS convention)"),
                new("race", "non-White", "White", "Race = 1 (White) gives s = 1 (FFB's ACS convention)"),
            ],
            30_592, 19_810, "public domain (US Census)", FfbProtocol.ProtocolName, true),
        new("utkface", "UTKFace crop_part1 (research only)", "tfs: young = age <= 35; ffb: age > 30",
            [
                new("gender", "male", "female", "gender = 1 (female) gives s = 1"),
                new("race", "non-White", "White", "race = 0 (White) gives s = 1 (FFB)"),
            ],
            9_778, 9_778, "UTKFace: non-commercial research only; never bundled, never published", TfsProtocol.ProtocolName, false),
    ];

    /// <summary>Every dataset name.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(d => d.Name).ToArray();

    /// <summary>The dataset of that name.</summary>
    /// <exception cref="InvalidInputException">No such dataset.</exception>
    public static DatasetInfo Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidInputException(string.Format(DataErrors.UnknownDataset, name, string.Join(", ", Names)));
}
