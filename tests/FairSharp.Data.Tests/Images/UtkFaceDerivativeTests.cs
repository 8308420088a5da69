using System.IO.Compression;
using FairSharp.Data.Images;
using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests.Images;

/// <summary>The derivative's layout on a small synthetic copy (two gzip parts + labels), and its failure modes.</summary>
public sealed class UtkFaceDerivativeTests : IDisposable
{
    private const int PerCell = 5;
    private readonly string _folder = Directory.CreateTempSubdirectory("fairsharp-utkd-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_part0_then_part1_as_nhwc_rgb_and_returns_channels_first()
    {
        var n = Write(truncateBy: 0);
        var d = DatasetLoader.Prepare(Request());
        Prepared.Rows(d).ShouldBe(n);
        // Image i has every pixel = (i, 2i, 3i) mod 256 in R, G, B; tfs maps v to v/127.5 − 1.
        foreach (var split in Prepared.Splits(d))
        {
            for (var r = 0; r < split.Count; r++)
            {
                var x = split.Features.AsSpan(r * 3072, 3072);
                var i = (int)Math.Round((x[0] + 1) * 127.5);
                x[1024 + 5].ShouldBe((((2 * i) % 256) / 127.5f) - 1, 1e-5f);
                x[2048 + 1023].ShouldBe((((3 * i) % 256) / 127.5f) - 1, 1e-5f);
            }
        }
    }

    [Fact]
    public void Missing_pixel_bytes_are_refused()
    {
        var n = Write(truncateBy: 3072);
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(Request())).Message.ShouldBe(
            string.Format(DataErrors.UtkFacePixelSize, string.Join(" + ", UtkFaceSource.PixelFiles), n * 3072L, (n - 1) * 3072L));
    }

    [Fact]
    public void A_corrupt_gzip_part_is_refused()
    {
        Write(truncateBy: 0);
        var part1 = Path.Combine(_folder, UtkFaceSource.PixelFiles[1]);
        var bytes = File.ReadAllBytes(part1);
        bytes[12] ^= 0xFF;
        bytes[13] ^= 0xFF;
        File.WriteAllBytes(part1, bytes);
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(Request())).Message.ShouldBe(string.Format(DataErrors.BadGzip, part1));
    }

    [Fact]
    public void With_checksums_on_a_changed_file_is_refused()
    {
        Write(truncateBy: 0);
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(Request() with { VerifyChecksums = true })).Message
            .ShouldStartWith($"{Path.Combine(_folder, UtkFaceSource.PixelFiles[0])}: sha256 mismatch (expected d4039ffe");
    }

    private DataRequest Request() => new("utkface", ["gender"], TfsProtocol.ProtocolName, 0) { UtkFaceDirectory = _folder, VerifyChecksums = false };

    private int Write(int truncateBy)
    {
        var rows = new List<string> { "index,file,age,gender,race,datetime,src_sha256_16" };
        foreach (var (age, gender) in new[] { (20, 0), (50, 0), (25, 1), (60, 1) })
        {
            for (var k = 0; k < PerCell; k++)
            {
                var i = rows.Count - 1;
                rows.Add($"{i},{age}_{gender}_0_2017{i:D13}.jpg.chip.jpg,{age},{gender},0,2017{i:D13},0000000000000000");
            }
        }

        var n = rows.Count - 1;
        File.WriteAllLines(Path.Combine(_folder, UtkFaceSource.LabelsFile), rows);
        var pixels = new byte[n * 3072];
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < 1024; p++)
            {
                pixels[(i * 3072) + (p * 3)] = (byte)i;
                pixels[(i * 3072) + (p * 3) + 1] = (byte)(2 * i);
                pixels[(i * 3072) + (p * 3) + 2] = (byte)(3 * i);
            }
        }

        var half = n / 2 * 3072;
        Gzip(UtkFaceSource.PixelFiles[0], pixels.AsSpan(0, half));
        Gzip(UtkFaceSource.PixelFiles[1], pixels.AsSpan(half, pixels.Length - half - truncateBy));
        return n;
    }

    private void Gzip(string name, ReadOnlySpan<byte> bytes)
    {
        using var file = File.Create(Path.Combine(_folder, name));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(bytes);
    }
}
