using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using FairSharp.Data.Tabular;
using SkiaSharp;

namespace FairSharp.Data.Images;

/// <summary>
/// Reads UTKFace from a folder, in one of two layouts: the project's 32×32 derivative (two gzip parts of raw
/// N,H,W,C RGB bytes, part0 then part1, plus <c>utkface_crop_part1_labels.csv</c>; sha256-verified), or the standard
/// download: <c>age_gender_race_datetime.jpg.chip.jpg</c> files, decoded with SkiaSharp and box-resized to
/// <see cref="DataRequest.ImageSize"/> (files whose names do not parse are skipped, as the derivative did).
/// UTKFace is for non-commercial research only: it is read from a path and never copied.
/// </summary>
internal static class UtkFaceSource
{
    public const string LabelsFile = "utkface_crop_part1_labels.csv";
    public static readonly string[] PixelFiles = ["utkface_crop_part1_32x32_rgb.part0.u8.gz", "utkface_crop_part1_32x32_rgb.part1.u8.gz"];

    /// <summary>sha256 of the derivative's files (datasets.md §8).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sha256 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["utkface_crop_part1_32x32_rgb.part0.u8.gz"] = "d4039ffe24a355054307caff95747e7bec63dd8cdf822deeea6131bab8540de0",
        ["utkface_crop_part1_32x32_rgb.part1.u8.gz"] = "506f54490ff8db10c3c649c6218fe5f060ee40b8060550b3b5260c19a3a21950",
        [LabelsFile] = "f380f6b61b031337c3081ff637eb01419c0002b7ec8750127d60b55b3bd9290a",
    };

    private const string JpegSuffix = ".jpg.chip.jpg";

    public static UtkFaceData Read(DataRequest request)
    {
        var folder = Locate(request.UtkFaceDirectory, request.DataDirectory);
        if (File.Exists(Path.Combine(folder, LabelsFile)))
        {
            return ReadDerivative(folder, request.VerifyChecksums);
        }

        var jpegs = Directory.EnumerateFiles(folder, "*" + JpegSuffix).Order(StringComparer.Ordinal).ToArray();
        return jpegs.Length > 0
            ? ReadJpegs(jpegs, request.ImageSize)
            : throw new InvalidInputException(string.Format(DataErrors.UtkFaceEmpty, folder));
    }

    /// <summary>The UTKFace folder: the explicit one, else <c>shared/data/utkface</c> found walking up from the current
    /// directory, the data folder and the program's folder (i.e. <c>../shared/data/utkface</c> of the repository).</summary>
    public static string Locate(string? explicitPath, string? dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath);
            return Directory.Exists(full) ? full : throw new InvalidInputException(string.Format(DataErrors.UtkFaceNotFound, full));
        }

        var starts = new List<string> { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            starts.Insert(0, Path.GetFullPath(dataDirectory));
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "utkface");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidInputException(string.Format(DataErrors.UtkFaceNotFound, string.Join(", ", starts.Select(s => Path.Combine(s, "..", "shared", "data", "utkface")))));
    }

    private static UtkFaceData ReadDerivative(string folder, bool verify)
    {
        var sources = new List<SourceBytes>();
        foreach (var name in PixelFiles.Append(LabelsFile))
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new InvalidInputException(string.Format(Catalogue.FileVerifier.MissingMessage, path));
            }

            var bytes = File.ReadAllBytes(path);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (verify && !string.Equals(sha, Sha256[name], StringComparison.Ordinal))
            {
                throw new InvalidInputException(string.Format(Catalogue.FileVerifier.ChecksumMessage, path, Sha256[name], sha));
            }

            sources.Add(new SourceBytes(path, bytes, sha));
        }

        var table = TextReaders.ReadCsv(sources[^1], ',', ["index", "age", "gender", "race"]);
        int n = table.Count, indexColumn = table.Index("index");
        var age = new int[n];
        var gender = new int[n];
        var race = new int[n];
        for (var r = 0; r < n; r++)
        {
            if (table.Number(r, indexColumn) != r)
            {
                throw table.Error(DataErrors.UnknownCode, r, indexColumn, table[r][indexColumn]);
            }

            age[r] = Code(table, r, "age", 0, 200);
            gender[r] = Code(table, r, "gender", 0, 1);
            race[r] = Code(table, r, "race", 0, 4);
        }

        var expected = (long)n * 32 * 32 * 3;
        var pixels = new byte[expected];
        long filled = 0;
        foreach (var part in sources.Take(PixelFiles.Length))
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(part.Bytes, writable: false), CompressionMode.Decompress);
                int read;
                var buffer = new byte[1 << 16];
                while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (filled + read > expected)
                    {
                        throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.UtkFacePixelSize, string.Join(" + ", PixelFiles), expected, filled + read));
                    }

                    Array.Copy(buffer, 0, pixels, filled, read);
                    filled += read;
                }
            }
            catch (InvalidDataException)
            {
                throw new InvalidInputException(string.Format(DataErrors.BadGzip, part.Path));
            }
        }

        if (filled != expected)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, DataErrors.UtkFacePixelSize, string.Join(" + ", PixelFiles), expected, filled));
        }

        return new UtkFaceData(pixels, 32, age, gender, race, SourceBytes.Combine(sources), 0);
    }

    private static int Code(RawTable table, int row, string column, int min, int max)
    {
        var c = table.Index(column);
        var v = table.Number(row, c);
        return v >= min && v <= max && v == Math.Floor(v) ? (int)v : throw table.Error(DataErrors.UnknownCode, row, c, table[row][c]);
    }

    private static UtkFaceData ReadJpegs(string[] files, int size)
    {
        var pixels = new List<byte[]>();
        var age = new List<int>();
        var gender = new List<int>();
        var race = new List<int>();
        var hashes = new StringBuilder();
        var skipped = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (!TryParseName(name, out var a, out var g, out var r))
            {
                skipped++;
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            hashes.Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append("  ").Append(name).Append('\n');
            pixels.Add(Decode(file, bytes, size));
            age.Add(a);
            gender.Add(g);
            race.Add(r);
        }

        if (pixels.Count == 0)
        {
            throw new InvalidInputException(string.Format(DataErrors.UtkFaceEmpty, Path.GetDirectoryName(files[0])));
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashes.ToString())));
        return new UtkFaceData(pixels.SelectMany(p => p).ToArray(), size, age.ToArray(), gender.ToArray(), race.ToArray(), sha, skipped);
    }

    /// <summary>Parses <c>age_gender_race_datetime.jpg.chip.jpg</c>; false for a malformed name.</summary>
    internal static bool TryParseName(string name, out int age, out int gender, out int race)
    {
        age = gender = race = 0;
        if (!name.EndsWith(JpegSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = name[..^JpegSuffix.Length].Split('_');
        return parts.Length == 4
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out age) && age is >= 0 and <= 200
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out gender) && gender is 0 or 1
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out race) && race is >= 0 and <= 4;
    }

    /// <summary>Decodes a JPEG to RGB and box-resizes it to <paramref name="size"/>²: H, W, C bytes.</summary>
    internal static byte[] Decode(string path, byte[] bytes, int size)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes, writable: false));
        if (codec is null)
        {
            throw new InvalidInputException(string.Format(DataErrors.ImageDecode, path));
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidInputException(string.Format(DataErrors.ImageDecode, path));
        }

        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[info.Width * info.Height * 3];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgb[i] = rgba[j];
            rgb[i + 1] = rgba[j + 1];
            rgb[i + 2] = rgba[j + 2];
        }

        return info.Width == size && info.Height == size ? rgb : BoxResize.Resize(rgb, info.Width, info.Height, 3, size, size);
    }
}
