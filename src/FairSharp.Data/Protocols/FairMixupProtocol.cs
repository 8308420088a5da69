using FairSharp.Data.Catalogue;
using FairSharp.Data.Sources;
using FairSharp.Data.Tabular;

namespace FairSharp.Data.Protocols;

/// <summary>
/// Fair Mixup's Adult pipeline (<c>chingyaoc/fair-mixup: adult/dataset.py</c>), the one FAIRER's Adult numbers use:
/// <list type="number">
/// <item>rows whose native-country or occupation is <c>?</c> dropped (45,222 left); y = income &gt; 50K;</item>
/// <item>one-hot workclass, marital-status, occupation, relationship, sex, race; keep only <c>sex_Male</c> and
/// <c>race_White</c> of sex and race; drop native-country, fnlwgt, education: 41 columns (5 continuous, then 36 binary;
/// column 39 is <c>sex_Male</c>, 40 <c>race_White</c>);</item>
/// <item>a seeded shuffle (.NET's, or with <see cref="DataRequest.NumpySplit"/> numpy's legacy permutation, which is
/// aif360's: the authors' exact split), 80/20 split (train = ⌊0.8·n⌋ rows); validation = the first |test| rows of the shuffled
/// train part, train = the rest;</item>
/// <item>the 5 continuous features standardised with the 80% part, then cut into quantile bins fitted on train and
/// one-hot encoded; binary columns become 2-column one-hots; the sensitive column is removed: 50 + 35·2 = 120 inputs.</item>
/// </list>
/// With <see cref="DataRequest.ReproduceQuirks"/> (default) the bin edges of age are reused for all five continuous
/// features, as <c>DataQuantize</c> does; without it every feature gets its own edges. Sensitive: sex
/// (<c>sex_Male</c>, default) or race (<c>race_White</c>: White vs all others). Applies to adult only.
/// </summary>
public sealed class FairMixupProtocol : DataProtocol
{
    /// <summary>The protocol's name.</summary>
    public const string ProtocolName = "fairmixup";

    private static readonly string[] Continuous = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"];
    private static readonly string[] OneHot = ["workclass", "marital-status", "occupation", "relationship", "sex", "race"];

    internal FairMixupProtocol()
    {
    }

    /// <inheritdoc />
    public override string Name => ProtocolName;

    /// <inheritdoc />
    public override string Description =>
        "Fair Mixup's Adult pipeline as used by FAIRER: 120 quantised one-hot inputs, 80/20 shuffled split, "
        + "validation = the first |test| rows of the shuffled train part; quirks reproduced by default";

    /// <inheritdoc />
    public override IReadOnlyList<string> Datasets { get; } = ["adult"];

    /// <inheritdoc />
    public override (double Train, double Validation, double Test) DefaultFractions(string dataset) => (0.6, 0.2, 0.2);

    internal override PreparedDataset Prepare(DataRequest request) => Apply(DataDirectory.Locate(request.DataDirectory), request);

    private static PreparedDataset Apply(string dataDirectory, DataRequest request)
    {
        var (table, sha) = AdultSource.Read(dataDirectory, request.VerifyChecksums);
        int country = table.Index("native-country"), occupation = table.Index("occupation");
        var rows = Enumerable.Range(0, table.Count).Where(r => table[r][country] != "?" && table[r][occupation] != "?").ToArray();
        var labels = rows.Select(r => AdultSource.Label(table, r)).ToArray();

        // The 41-column frame: continuous then the kept binary dummies.
        var names = new List<string>(Continuous);
        var columns = new List<double[]>(Continuous.Select(n =>
        {
            var c = table.Index(n);
            return rows.Select(r => table.Number(r, c)).ToArray();
        }));
        foreach (var name in OneHot)
        {
            var c = table.Index(name);
            var categories = rows.Select(r => table[r][c]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var category in categories)
            {
                if ((name == "sex" && category != "Male") || (name == "race" && category != "White"))
                {
                    continue;
                }

                names.Add($"{name}_{category}");
                columns.Add(rows.Select(r => table[r][c] == category ? 1.0 : 0.0).ToArray());
            }
        }

        var attributeColumns = request.Sensitive.Select(s => names.IndexOf(s == "race" ? "race_White" : "sex_Male")).ToArray();
        var removedSet = attributeColumns.ToHashSet();

        // aif360 split([0.8], shuffle=True): permute, first ⌊0.8·n⌋ rows train; validation = first |test| of train.
        var order = request.NumpySplit ? NumpyPermutation.Of(rows.Length, request.Seed) : Splitter.Permutation(rows.Length, request.Seed);
        var (fTrain, fValidation, fTest) = request.Fractions();
        var nTest = rows.Length - (int)Math.Floor(rows.Length * (fTrain + fValidation));
        var nValidation = (int)Math.Round(rows.Length * fValidation, MidpointRounding.AwayFromZero);
        if (Math.Abs(fValidation - fTest) < 1e-12)
        {
            nValidation = nTest;
        }

        var trainPart = order[..^nTest];
        var test = order[^nTest..];
        var validation = trainPart[..nValidation];
        var train = trainPart[nValidation..];

        // Standardise the continuous features with the whole 80% part.
        for (var c = 0; c < Continuous.Length; c++)
        {
            var v = columns[c];
            double mean = trainPart.Average(i => v[i]);
            var sd = Math.Sqrt(trainPart.Sum(i => (v[i] - mean) * (v[i] - mean)) / trainPart.Length);
            sd = sd > 0 ? sd : 1;
            columns[c] = v.Select(x => (x - mean) / sd).ToArray();
        }

        var bins = request.QuantileBins;
        var edges = new double[Continuous.Length][];
        for (var c = 0; c < Continuous.Length; c++)
        {
            edges[c] = request.ReproduceQuirks && c > 0
                ? edges[0]
                : Quantizer.Edges(train.Select(i => columns[c][i]).ToArray(), bins);
        }

        var featureNames = new List<string>();
        for (var c = 0; c < Continuous.Length; c++)
        {
            featureNames.AddRange(Enumerable.Range(0, bins).Select(b => $"{Continuous[c]}#bin{b}"));
        }

        var binary = Enumerable.Range(Continuous.Length, names.Count - Continuous.Length).Where(c => !removedSet.Contains(c)).ToArray();
        foreach (var c in binary)
        {
            featureNames.Add($"{names[c]}=0");
            featureNames.Add($"{names[c]}=1");
        }

        var width = featureNames.Count;
        var attributes = request.Sensitive.Select(request.Info.Attribute).ToArray();
        var groupNames = GroupEncoding.Names(attributes);
        DataSplit Make(string split, int[] part)
        {
            var x = new float[(long)part.Length * width];
            var groups = new int[part.Length];
            for (var i = 0; i < part.Length; i++)
            {
                var r = part[i];
                var o = (long)i * width;
                for (var c = 0; c < Continuous.Length; c++)
                {
                    x[o + (c * bins) + Quantizer.Bin(columns[c][r], edges[c], bins)] = 1f;
                }

                var k = Continuous.Length * bins;
                foreach (var c in binary)
                {
                    x[o + k + (columns[c][r] > 0.5 ? 1 : 0)] = 1f;
                    k += 2;
                }

                foreach (var a in attributeColumns)
                {
                    groups[i] = (groups[i] << 1) | (columns[a][r] > 0.5 ? 1 : 0);
                }
            }

            return new DataSplit(split, x, [width], part.Select(p => labels[p]).ToArray(), groups);
        }

        var result = new PreparedDataset("adult", ProtocolName, request.Sensitive.ToArray(), groupNames, featureNames,
            Make("train", train), Make("validation", validation), Make("test", test), sha, request.Seed);
        GroupEncoding.RequireEveryGroup(result.Train, groupNames, "adult");
        GroupEncoding.RequireEveryGroup(result.Validation, groupNames, "adult");
        GroupEncoding.RequireEveryGroup(result.Test, groupNames, "adult");
        return result;
    }
}
