using FairSharp.Data.Images;
using FairSharp.Data.Protocols;
using SkiaSharp;

namespace FairSharp.Data.Tests.Images;

/// <summary>The standard UTKFace layout, on JPEGs this test draws itself (no UTKFace image is ever copied).</summary>
public sealed class UtkFaceJpegFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fairsharp-utk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Decodes_resizes_and_labels_a_folder_of_chip_jpegs()
    {
        // 6 images per (young, gender) cell; men red, women blue; plus one malformed name that must be skipped.
        var n = 0;
        foreach (var (age, gender) in new[] { (20, 0), (50, 0), (25, 1), (60, 1) })
        {
            for (var i = 0; i < 6; i++)
            {
                Write($"{age + i}_{gender}_{i % 5}_2017011{n++:D6}.jpg.chip.jpg", gender == 0 ? SKColors.Red : SKColors.Blue, 40);
            }
        }

        Write("61_1_20170109142408075.jpg.chip.jpg", SKColors.Green, 40);

        var d = DatasetLoader.Prepare(new DataRequest("utkface", ["gender"], TfsProtocol.ProtocolName, 7) { UtkFaceDirectory = _folder });
        Prepared.Rows(d).ShouldBe(24);
        Prepared.InGroup(d, 1).ShouldBe(12);
        Prepared.Positives(d).ShouldBe(12);
        d.Train.SampleShape.ShouldBe([3, 32, 32]);
        var plane = 32 * 32;
        for (var r = 0; r < d.Train.Count; r++)
        {
            var x = d.Train.Features.AsSpan(r * 3 * plane, 3 * plane);
            var (red, blue) = (x[plane / 2], x[(2 * plane) + (plane / 2)]);
            if (d.Train.Groups[r] == 0)
            {
                red.ShouldBe(1f, 0.05f);
                blue.ShouldBe(-1f, 0.05f);
            }
            else
            {
                red.ShouldBe(-1f, 0.05f);
                blue.ShouldBe(1f, 0.05f);
            }
        }
    }

    [Fact]
    public void The_image_size_option_sets_the_sample_shape()
    {
        foreach (var (age, gender) in new[] { (20, 0), (50, 0), (25, 1), (60, 1) })
        {
            for (var i = 0; i < 5; i++)
            {
                Write($"{age + i}_{gender}_0_20170110{i:D9}.jpg.chip.jpg", SKColors.Gray, 24);
            }
        }

        var d = DatasetLoader.Prepare(new DataRequest("utkface", ["gender"], TfsProtocol.ProtocolName, 0) { UtkFaceDirectory = _folder, ImageSize = 16 });
        d.Test.SampleShape.ShouldBe([3, 16, 16]);
    }

    [Fact]
    public void A_corrupt_jpeg_is_refused_with_its_name()
    {
        var path = Path.Combine(_folder, "30_0_0_20170110000000000.jpg.chip.jpg");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0x00, 0x01, 0x02]);
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("utkface", ["gender"], TfsProtocol.ProtocolName) { UtkFaceDirectory = _folder }))
            .Message.ShouldBe(string.Format(DataErrors.ImageDecode, path));
    }

    [Fact]
    public void An_empty_folder_is_refused() =>
        Should.Throw<InvalidInputException>(() => DatasetLoader.Prepare(new DataRequest("utkface", ["gender"], TfsProtocol.ProtocolName) { UtkFaceDirectory = _folder }))
            .Message.ShouldBe(string.Format(DataErrors.UtkFaceEmpty, _folder));

    [Theory]
    [InlineData("100_1_0_20170110183726390.jpg.chip.jpg", true, 100, 1, 0)]
    [InlineData("1_0_4_20161219140623097.jpg.chip.jpg", true, 1, 0, 4)]
    [InlineData("61_1_20170109142408075.jpg.chip.jpg", false, 0, 0, 0)]
    [InlineData("39_1_20170116174525125.jpg.chip.jpg", false, 0, 0, 0)]
    [InlineData("30_2_0_20170110183726390.jpg.chip.jpg", false, 0, 0, 0)]
    [InlineData("30_0_0_20170110183726390.jpg", false, 0, 0, 0)]
    public void File_names_are_parsed_or_rejected(string name, bool ok, int age, int gender, int race)
    {
        UtkFaceSource.TryParseName(name, out var a, out var g, out var r).ShouldBe(ok);
        if (ok)
        {
            (a, g, r).ShouldBe((age, gender, race));
        }
    }

    private void Write(string name, SKColor color, int size)
    {
        using var bitmap = new SKBitmap(size, size);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        File.WriteAllBytes(Path.Combine(_folder, name), data.ToArray());
    }
}
