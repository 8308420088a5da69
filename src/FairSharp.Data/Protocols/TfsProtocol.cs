using FairSharp.Data.Catalogue;
using FairSharp.Data.Images;

namespace FairSharp.Data.Protocols;

/// <summary>
/// <c>tfs</c>, The Fairness Stitch's UTKFace protocol (utkface only): y = young (age ≤ 35), the per-(y, group) split
/// counts of the TFS code scaled to this data (or a stratified 60/20/20 split), images normalised to [−1, 1]
/// (<see cref="UtkFacePipeline"/>).
/// </summary>
public sealed class TfsProtocol : DataProtocol
{
    /// <summary>The protocol's name.</summary>
    public const string ProtocolName = "tfs";

    /// <summary>TFS's split counts on the full aligned set, per (y, gender) cell: (train, validation, test).</summary>
    private static readonly IReadOnlyDictionary<(int Y, int Gender), (int Train, int Validation, int Test)> TfsCounts =
        new Dictionary<(int, int), (int, int, int)>
        {
            [(1, 0)] = (4_133, 1_378, 1_378),
            [(1, 1)] = (4_931, 1_643, 1_644),
            [(0, 0)] = (3_301, 1_101, 1_100),
            [(0, 1)] = (1_858, 619, 619),
        };

    internal TfsProtocol()
    {
    }

    /// <inheritdoc />
    public override string Name => ProtocolName;

    /// <inheritdoc />
    public override string Description =>
        "The Fairness Stitch's UTKFace protocol: y = young (age <= 35), the TFS code's per-(y, group) split counts "
        + "(or a stratified 60/20/20 split), images normalised to [-1, 1]";

    /// <inheritdoc />
    public override IReadOnlyList<string> Datasets { get; } = ["utkface"];

    /// <inheritdoc />
    public override (double Train, double Validation, double Test) DefaultFractions(string dataset) => (0.6, 0.2, 0.2);

    /// <inheritdoc />
    public override string Target(DatasetInfo info) => "young = age <= 35";

    internal override PreparedDataset Prepare(DataRequest request) =>
        UtkFacePipeline.Apply(UtkFaceSource.Read(request), request, age => age <= 35 ? 1 : 0, centre: true, TfsSplit);

    /// <summary>Per (y, gender) cell: a seeded order, then the TFS proportions of that cell for train and validation.</summary>
    private static (int[] Train, int[] Validation, int[] Test) TfsSplit(int[] labels, int[] gender, int seed)
    {
        var rng = new Random(seed);
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        foreach (var cell in TfsCounts.OrderBy(c => c.Key))
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == cell.Key.Y && gender[i] == cell.Key.Gender).ToArray();
            rng.Shuffle(rows);
            var (t, v, s) = cell.Value;
            double total = t + v + s;
            var nTrain = (int)Math.Round(rows.Length * t / total, MidpointRounding.AwayFromZero);
            var nValidation = Math.Min(rows.Length - nTrain, (int)Math.Round(rows.Length * v / total, MidpointRounding.AwayFromZero));
            train.AddRange(rows[..nTrain]);
            validation.AddRange(rows[nTrain..(nTrain + nValidation)]);
            test.AddRange(rows[(nTrain + nValidation)..]);
        }

        var result = (train.ToArray(), validation.ToArray(), test.ToArray());
        rng.Shuffle(result.Item1);
        rng.Shuffle(result.Item2);
        rng.Shuffle(result.Item3);
        return result;
    }
}
