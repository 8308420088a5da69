using FairSharp.Data.Images;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Protocols;

/// <summary>
/// The UTKFace pipeline of two protocols (<see cref="TfsProtocol"/>, <see cref="FfbProtocol"/> on images). <c>tfs</c> (The Fairness Stitch): y = young (age ≤ 35); pixels normalised to [−1, 1]
/// ((x/255 − 0.5)/0.5); with <see cref="DataRequest.ReproduceQuirks"/> and no fraction override, each
/// (y, gender) cell is split with the TFS code's per-cell train/validation/test proportions (its counts on the full
/// set, scaled to this data; rows in a seeded order instead of the file system's), else a split stratified by
/// (y, group) with the fractions (default 60/20/20). <c>ffb</c>: y = age &gt; 30, pixels scaled to [0, 1], split
/// 80/10/10 stratified by (y, group). Samples are channels-first [3, H, W].
/// </summary>
internal static class UtkFacePipeline
{
    /// <summary>TFS's split counts on the full aligned set, per (y, gender) cell: (train, validation, test).</summary>
    public static readonly IReadOnlyDictionary<(int Y, int Gender), (int Train, int Validation, int Test)> TfsCounts =
        new Dictionary<(int, int), (int, int, int)>
        {
            [(1, 0)] = (4_133, 1_378, 1_378),
            [(1, 1)] = (4_931, 1_643, 1_644),
            [(0, 0)] = (3_301, 1_101, 1_100),
            [(0, 1)] = (1_858, 619, 619),
        };

    /// <summary>Prepares <paramref name="data"/>: with <paramref name="tfs"/> the tfs rules (label, pixels, split), else ffb's.</summary>
    public static PreparedDataset Apply(UtkFaceData data, DataRequest request, bool tfs)
    {
        var labels = data.Age.Select(a => tfs ? (a <= 35 ? 1 : 0) : (a > 30 ? 1 : 0)).ToArray();
        var attributes = request.Sensitive.Select(request.Info.Attribute).ToArray();
        var values = request.Sensitive.Select(s => s == "gender" ? data.Gender : data.Race.Select(r => r == 0 ? 1 : 0).ToArray()).ToArray();
        var groups = GroupEncoding.Encode(values, data.Count);
        var groupNames = GroupEncoding.Names(attributes);

        var fractionsOverridden = request.TrainFraction is not null || request.ValidationFraction is not null || request.TestFraction is not null;
        var (train, validation, test) = tfs && request.ReproduceQuirks && !fractionsOverridden
            ? TfsSplit(labels, data.Gender, request.Seed)
            : Splitter.Stratified(labels.Select((y, i) => GroupLabelCell.Index(groups[i], y)).ToArray(), request.Fractions(), request.Seed);

        DataSplit Make(string name, int[] rows)
        {
            int size = data.Size, plane = size * size, row = 3 * plane;
            var x = new float[(long)rows.Length * row];
            for (var i = 0; i < rows.Length; i++)
            {
                var source = (long)rows[i] * row;
                var target = (long)i * row;
                for (var p = 0; p < plane; p++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var v = data.Pixels[source + (p * 3) + c] / 255f;
                        x[target + (c * plane) + p] = tfs ? (v - 0.5f) / 0.5f : v;
                    }
                }
            }

            return new DataSplit(name, x, [3, size, size], rows.Select(r => labels[r]).ToArray(), rows.Select(r => groups[r]).ToArray());
        }

        var result = new PreparedDataset("utkface", request.Protocol, request.Sensitive.ToArray(), groupNames, [],
            Make("train", train), Make("validation", validation), Make("test", test), data.DataSha256, request.Seed);
        GroupEncoding.RequireEveryGroup(result.Train, groupNames, "utkface");
        GroupEncoding.RequireEveryGroup(result.Validation, groupNames, "utkface");
        GroupEncoding.RequireEveryGroup(result.Test, groupNames, "utkface");
        return result;
    }

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
