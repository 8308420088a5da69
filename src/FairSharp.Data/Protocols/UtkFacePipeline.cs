using FairSharp.Data.Images;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Protocols;

/// <summary>
/// The UTKFace pipeline of two protocols (<see cref="TfsProtocol"/>, <see cref="FfbProtocol"/> on images), which give
/// it their rules: the label of an age, whether pixels are centred to [−1, 1] ((x/255 − 0.5)/0.5) or kept in [0, 1],
/// and optionally a protocol's own split (used with <see cref="DataRequest.ReproduceQuirks"/> and no fraction
/// override); else a split stratified by (y, group) with the request's fractions. Samples are channels-first [3, H, W].
/// </summary>
internal static class UtkFacePipeline
{
    /// <summary>Prepares <paramref name="data"/> with a protocol's rules: <paramref name="label"/> maps an age to y,
    /// <paramref name="centre"/> maps pixels to [−1, 1], <paramref name="quirkSplit"/> (labels, gender, seed → rows of
    /// train, validation, test) replaces the stratified split when quirks are reproduced and no fraction is given.</summary>
    public static PreparedDataset Apply(UtkFaceData data, DataRequest request, Func<int, int> label, bool centre,
        Func<int[], int[], int, (int[] Train, int[] Validation, int[] Test)>? quirkSplit)
    {
        var labels = data.Age.Select(label).ToArray();
        var attributes = request.Sensitive.Select(request.Info.Attribute).ToArray();
        var values = request.Sensitive.Select(s => s == "gender" ? data.Gender : data.Race.Select(r => r == 0 ? 1 : 0).ToArray()).ToArray();
        var groups = GroupEncoding.Encode(values, data.Count);
        var groupNames = GroupEncoding.Names(attributes);

        var fractionsOverridden = request.TrainFraction is not null || request.ValidationFraction is not null || request.TestFraction is not null;
        var (train, validation, test) = quirkSplit is not null && request.ReproduceQuirks && !fractionsOverridden
            ? quirkSplit(labels, data.Gender, request.Seed)
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
                        x[target + (c * plane) + p] = centre ? (v - 0.5f) / 0.5f : v;
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
}
