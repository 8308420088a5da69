using FairSharp.Data.Catalogue;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Protocols;

/// <summary>
/// The FFB tabular protocol (<c>ahxt/fair_fairness_benchmark</c>): rows kept by the sensitive attributes' filters,
/// the sensitive columns removed from the inputs, categoricals one-hot encoded with categories fitted on all kept rows
/// (as <c>pd.get_dummies</c> before the split, categories in ordinal order), a split stratified by y
/// (default 40/30/30, seeded), and numerics standardised with mean and population standard deviation of the train
/// split (a constant column is left unscaled). Inputs: the numeric columns first, then the one-hot columns, each in
/// source order.
/// </summary>
internal static class FfbTabularPipeline
{
    public static PreparedDataset Apply(TabularData data, DataRequest request)
    {
        var (encoder, rows, labels, groups, groupNames, train, validation, test) = Fit(data, request);
        DataSplit Make(string name, int[] part) => new(
            name,
            encoder.Transform(part.Select(p => rows[p]).ToArray()),
            [encoder.Width],
            part.Select(p => labels[p]).ToArray(),
            part.Select(p => groups[p]).ToArray());

        var result = new PreparedDataset(
            data.Dataset, FfbProtocol.ProtocolName, request.Sensitive.ToArray(), groupNames, encoder.Names,
            Make("train", train), Make("validation", validation), Make("test", test), data.DataSha256, request.Seed);
        GroupEncoding.RequireEveryGroup(result.Train, groupNames, data.Dataset);
        GroupEncoding.RequireEveryGroup(result.Validation, groupNames, data.Dataset);
        GroupEncoding.RequireEveryGroup(result.Test, groupNames, data.Dataset);
        return result;
    }

    /// <summary>The protocol up to the encoding: the rows kept, their labels and groups, the split (positions into the
    /// kept rows) and the encoder fitted on them; what a model of the dataset needs to encode new raw rows.</summary>
    public static (FeatureEncoder Encoder, int[] Rows, int[] Labels, int[] Groups, string[] GroupNames, int[] Train, int[] Validation, int[] Test) Fit(
        TabularData data, DataRequest request)
    {
        var info = request.Info;
        var attributes = request.Sensitive.Select(info.Attribute).ToArray();
        var sensitive = request.Sensitive.Select(s => data.Sensitive[s]).ToArray();

        var rows = Enumerable.Range(0, data.Count).Where(i => sensitive.All(s => s.Keep is null || s.Keep[i])).ToArray();
        var labels = rows.Select(i => data.Labels[i]).ToArray();
        var groups = GroupEncoding.Encode(sensitive.Select(s => rows.Select(i => s.Values[i]).ToArray()).ToArray(), rows.Length);
        var groupNames = GroupEncoding.Names(attributes);

        var removed = new HashSet<string>(sensitive.SelectMany(s => s.InputColumns), StringComparer.Ordinal);
        foreach (var drop in request.DropColumns)
        {
            if (!data.Columns.Any(c => string.Equals(c.Name, drop, StringComparison.Ordinal)))
            {
                throw new InvalidInputException(string.Format(DataErrors.UnknownDropColumn, drop, data.Dataset, string.Join(", ", data.Columns.Select(c => c.Name))));
            }

            removed.Add(drop);
        }

        var columns = data.Columns.Where(c => !removed.Contains(c.Name)).ToArray();
        var (train, validation, test) = Splitter.Stratified(labels, request.Fractions(), request.Seed);

        var encoder = FeatureEncoder.Fit(columns.Where(c => c.IsNumeric).ToArray(), columns.Where(c => !c.IsNumeric).ToArray(), rows, train.Select(t => rows[t]).ToArray());
        return (encoder, rows, labels, groups, groupNames, train, validation, test);
    }
}
