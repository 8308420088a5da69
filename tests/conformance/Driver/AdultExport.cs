using FairSharp.Data;
using FairSharp.Data.Protocols;

namespace FairSharp.Conformance;

/// <summary>The fairmixup protocol's Adult data for each seed: the row permutation FairSharp's split uses (over the
/// 45,222 kept rows, in file order) and the encoded train / validation / test matrices, labels and groups.</summary>
internal static class AdultExport
{
    public static PreparedDataset Load(int seed) =>
        DatasetLoader.Prepare(new DataRequest("adult", ["sex"], FairMixupProtocol.ProtocolName, seed));

    public static void Run(string output, IEnumerable<int> seeds)
    {
        foreach (var seed in seeds)
        {
            var dir = Directory.CreateDirectory(Path.Combine(output, "adult", $"seed{seed}")).FullName;
            var data = Load(seed);
            var rows = data.Train.Count + data.Validation.Count + data.Test.Count;
            var permutation = FairSharp.Data.Tabular.Splitter.Permutation(rows, seed);
            Npy.Write(Path.Combine(dir, "permutation.npy"), permutation, permutation.Length);
            var numpy = FairSharp.Data.Tabular.NumpyPermutation.Of(rows, seed);
            Npy.Write(Path.Combine(dir, "numpy_permutation.npy"), numpy, numpy.Length);
            Write(dir, data);
            Console.WriteLine($"adult seed {seed}: {rows} rows, {data.Train.RowSize} columns");
        }
    }

    public static void Write(string dir, PreparedDataset data)
    {
        foreach (var split in new[] { data.Train, data.Validation, data.Test })
        {
            var name = split.Name switch { "validation" => "val", _ => split.Name };
            Npy.Write(Path.Combine(dir, $"x_{name}.npy"), split.Features, split.Count, split.RowSize);
            Npy.Write(Path.Combine(dir, $"y_{name}.npy"), split.Labels, split.Count);
            Npy.Write(Path.Combine(dir, $"g_{name}.npy"), split.Groups, split.Count);
        }
    }
}
