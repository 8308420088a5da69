using System.Runtime.InteropServices;
using FairSharp.Data;
using FairSharp.Training.Models;
using static TorchSharp.torch;

namespace FairSharp.Training.Stitching;

/// <summary>
/// The frozen backbone's representation at one stitch point for the train, validation and test rows, computed once in
/// evaluation mode without gradients (tfs.md §6: TFS and FDR train on cached features). In memory, and on disk as
/// <c>features/&lt;backbone hash&gt;-cut&lt;K&gt;.bin</c> next to the backbone, so later runs on the same backbone and
/// stitch point skip the backbone entirely. The file records the hash, the cut, the shape, and every row's label and
/// group; a file that does not match the backbone or the data is recomputed.
/// </summary>
public sealed class FeatureCache : IDisposable
{
    private const int Magic = 0x43465346; // "FSFC"
    private const int Version = 1;

    private FeatureCache(string backboneHash, int cut, IReadOnlyList<int> shape, CachedSplit train, CachedSplit validation, CachedSplit test)
    {
        BackboneHash = backboneHash;
        Cut = cut;
        Shape = shape;
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>sha256 (hex) of the backbone's weights file, the cache key.</summary>
    public string BackboneHash { get; }

    /// <summary>Stitch point index.</summary>
    public int Cut { get; }

    /// <summary>Shape of one row of the representation.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Values per row.</summary>
    public int Width => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>Training split.</summary>
    public CachedSplit Train { get; }

    /// <summary>Validation split.</summary>
    public CachedSplit Validation { get; }

    /// <summary>Test split.</summary>
    public CachedSplit Test { get; }

    /// <summary>True when this cache was read from disk rather than computed.</summary>
    public bool FromDisk { get; private init; }

    /// <summary>File name of the cache of a backbone hash and cut: <c>&lt;first 16 hex digits&gt;-cut&lt;K&gt;.bin</c>.</summary>
    public static string FileName(string backboneHash, int cut)
    {
        ArgumentException.ThrowIfNullOrEmpty(backboneHash);
        return $"{backboneHash[..Math.Min(16, backboneHash.Length)]}-cut{cut}.bin";
    }

    /// <summary>Runs the backbone's bottom part (input → stitch point <paramref name="cut"/>) on every row of the three
    /// splits, in evaluation mode, without gradients, in chunks of <paramref name="chunk"/> rows. The backbone's mode is restored.</summary>
    public static FeatureCache Compute(FairNetwork backbone, int cut, PreparedDataset data, string backboneHash, int chunk = 512)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(data);
        var shape = backbone.StitchPoints[cut].Shape;
        var wasTraining = backbone.training;
        backbone.eval();
        try
        {
            return new FeatureCache(backboneHash, cut, shape,
                Run(backbone, cut, data.Train, shape, chunk), Run(backbone, cut, data.Validation, shape, chunk), Run(backbone, cut, data.Test, shape, chunk));
        }
        finally
        {
            backbone.train(wasTraining);
        }
    }

    /// <summary>The cache of <paramref name="backboneHash"/> and <paramref name="cut"/> from <paramref name="directory"/>
    /// when a matching file is there (same hash, cut, shape, labels and groups as <paramref name="data"/>); otherwise
    /// computed and written there (atomically: a temporary file, then a rename). A folder that cannot be written keeps
    /// the cache in memory only.</summary>
    public static FeatureCache LoadOrCompute(string directory, FairNetwork backbone, int cut, PreparedDataset data, string backboneHash)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(data);
        var path = Path.Combine(directory, FileName(backboneHash, cut));
        var loaded = TryLoad(path, backboneHash, cut, backbone.StitchPoints[cut].Shape, data);
        if (loaded is not null)
        {
            return loaded;
        }

        var cache = Compute(backbone, cut, data, backboneHash);
        try
        {
            cache.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The backbone folder may be read-only: the cache then lives in memory for this run only.
        }

        return cache;
    }

    /// <summary>Writes the cache to <paramref name="path"/> (creating its folder) through a temporary file and a rename.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temp))
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write(BackboneHash);
                writer.Write(Cut);
                writer.Write(Shape.Count);
                foreach (var d in Shape)
                {
                    writer.Write(d);
                }

                foreach (var split in new[] { Train, Validation, Test })
                {
                    WriteSplit(writer, split);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Reads a cache file; null when it is missing, unreadable, or does not match the hash, cut, shape, or
    /// the labels and groups of <paramref name="data"/>.</summary>
    public static FeatureCache? TryLoad(string path, string backboneHash, int cut, IReadOnlyList<int> shape, PreparedDataset data)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (!File.Exists(path))
        {
            return null;
        }

        var splits = new List<CachedSplit>(3);
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || reader.ReadString() != backboneHash || reader.ReadInt32() != cut)
            {
                return null;
            }

            var rank = reader.ReadInt32();
            var fileShape = Enumerable.Range(0, rank).Select(_ => reader.ReadInt32()).ToArray();
            if (!fileShape.SequenceEqual(shape))
            {
                return null;
            }

            foreach (var expected in new[] { data.Train, data.Validation, data.Test })
            {
                var split = ReadSplit(reader, fileShape);
                splits.Add(split);
                if (split.Name != expected.Name || !split.Labels.AsSpan().SequenceEqual(expected.Labels) || !split.Groups.AsSpan().SequenceEqual(expected.Groups))
                {
                    splits.ForEach(s => s.Dispose());
                    return null;
                }
            }

            if (stream.Position != stream.Length)
            {
                splits.ForEach(s => s.Dispose());
                return null;
            }

            return new FeatureCache(backboneHash, cut, fileShape, splits[0], splits[1], splits[2]) { FromDisk = true };
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException or OverflowException)
        {
            splits.ForEach(s => s.Dispose());
            return null;
        }
    }

    /// <summary>Releases the three feature tensors.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }

    private static CachedSplit Run(FairNetwork backbone, int cut, DataSplit split, IReadOnlyList<int> shape, int chunk)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = backbone.Head.weight!.device;
        var input = tensor(split.Features, [split.Count, .. split.SampleShape.Select(d => (long)d)]);
        var parts = new List<Tensor>();
        chunk = Math.Min(chunk, backbone.EvaluationChunk);
        for (long start = 0; start < split.Count; start += chunk)
        {
            // One scope per chunk: the backbone's intermediates are freed before the next chunk runs.
            using var chunkScope = NewDisposeScope();
            var len = Math.Min(chunk, split.Count - start);
            parts.Add(backbone.Bottom(cut, input.narrow(0, start, len).to(device)).to(CPU).MoveToOuterDisposeScope());
        }

        var features = parts.Count == 1 ? parts[0].contiguous() : cat(parts, 0);
        if (features.shape.Length != shape.Count + 1)
        {
            throw new InvalidOperationException($"stitch point {cut} produced shape [{string.Join(",", features.shape)}]");
        }

        return new CachedSplit(split.Name, features.MoveToOuterDisposeScope(), (int[])split.Labels.Clone(), (int[])split.Groups.Clone());
    }

    private static void WriteSplit(BinaryWriter writer, CachedSplit split)
    {
        writer.Write(split.Name);
        writer.Write(split.Count);
        writer.Write(MemoryMarshal.AsBytes(split.Labels.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(split.Groups.AsSpan()));
        var values = split.Features.contiguous().data<float>().ToArray();
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static CachedSplit ReadSplit(BinaryReader reader, int[] shape)
    {
        var name = reader.ReadString();
        var count = reader.ReadInt32();
        var width = shape.Aggregate(1, (a, b) => a * b);
        var labels = new int[count];
        var groups = new int[count];
        var values = new float[(long)count * width];
        ReadExactly(reader, MemoryMarshal.AsBytes(labels.AsSpan()));
        ReadExactly(reader, MemoryMarshal.AsBytes(groups.AsSpan()));
        ReadExactly(reader, MemoryMarshal.AsBytes(values.AsSpan()));
        var features = tensor(values, [count, .. shape.Select(d => (long)d)]);
        return new CachedSplit(name, features, labels, groups);
    }

    private static void ReadExactly(BinaryReader reader, Span<byte> target) => reader.BaseStream.ReadExactly(target);
}
