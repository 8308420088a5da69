namespace FairSharp.Training.Stitching;

/// <summary>One stitch run as the CLI (<c>fairsharp stitch</c>) and sweep trials describe it.</summary>
/// <param name="Backbone">Folder of a model saved by <c>fairsharp train</c> (model.bin + manifest.json), normally <c>--method erm</c>.</param>
public sealed record StitchRequest(string Backbone)
{
    /// <summary>Hyper-parameters, seed, selection.</summary>
    public StitchOptions Options { get; init; } = new();

    /// <summary>For a model trained on a CSV (<c>--data</c>): the file to read in place of the path recorded in its
    /// preprocessing.json (the file moved); its sha256 must still match. Null = the recorded path.</summary>
    public string? DataFile { get; init; }

    /// <summary>Folder of the bundled datasets; null = located from the current directory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>UTKFace folder; null = the data layer's default.</summary>
    public string? UtkFaceDirectory { get; init; }

    /// <summary>Keep the cached representation on disk in <c>&lt;backbone&gt;/features/</c> (default true).</summary>
    public bool CacheOnDisk { get; init; } = true;
}
