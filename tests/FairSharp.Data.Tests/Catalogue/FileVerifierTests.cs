using FairSharp.Data.Catalogue;
using System.Text;

namespace FairSharp.Data.Tests.Catalogue;

public sealed class FileVerifierTests
{
    [Theory]
    [InlineData("a\nb\nc\n", 0, 3)]
    [InlineData("h\r\na\r\nb\r\n", 1, 2)]
    [InlineData("|1x3 Cross validator\n1\n2\n\n", 1, 2)]
    [InlineData("a\nb", 0, 2)]
    [InlineData("", 0, 0)]
    public void Counts_non_blank_rows_after_the_header(string text, int header, int expected) =>
        FileVerifier.CountDataRows(Encoding.ASCII.GetBytes(text), header).ShouldBe(expected);

    [Fact]
    public void Every_bundled_file_verifies()
    {
        var dir = DataDirectory.Locate();
        var verified = FileVerifier.VerifyAll(dir);
        verified.Count.ShouldBe(BundledFiles.All.Count);
        verified.Single(v => v.File.RelativePath == "adult/adult.test").Rows.ShouldBe(16_281);
    }

    [Fact]
    public void A_changed_file_is_refused_with_the_checksum_message()
    {
        using var tmp = new TempDataCopy("german/german.data");
        File.AppendAllText(tmp.PathOf("german/german.data"), "x");
        var file = BundledFiles.Of("german")[0];
        var e = Should.Throw<InvalidInputException>(() => FileVerifier.Verify(file, tmp.Root));
        e.Message.ShouldStartWith(tmp.PathOf("german/german.data") + ": sha256 mismatch (expected b21f3d81");
    }

    [Fact]
    public void A_missing_file_is_refused() =>
        Should.Throw<InvalidInputException>(() => FileVerifier.Verify(BundledFiles.Of("bank")[0], Path.GetTempPath()))
            .Message.ShouldEndWith("bank/bank-additional-full.csv: data file is missing");
}

internal sealed class TempDataCopy : IDisposable
{
    public TempDataCopy(params string[] files)
    {
        Root = Directory.CreateTempSubdirectory("fairsharp-data-").FullName;
        var source = DataDirectory.Locate();
        foreach (var f in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathOf(f))!);
            File.Copy(Path.Combine(source, f), PathOf(f));
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
