using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Reports;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Reports;

public sealed class ReportWriterTests
{
    [Fact]
    public void Writes_every_output_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var plan = PlanDocument.Of(HandMadeSweep.Plan());
        var files = ReportWriter.Write(dir.Path, plan, HandMadeSweep.Records(), new AnalysisOptions());
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order().ShouldBe(
            ["groups-erm.png", "groups-fairmixup.png", "groups-gapreg.png", "pareto.png", "pareto.svg", "report.md", "summary.csv"]);
        File.ReadAllBytes(files.ParetoPng)[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        File.ReadAllText(Path.Combine(dir.Path, "pareto.svg")).ShouldContain("<svg");
        new FileInfo(files.ParetoPng).Length.ShouldBeGreaterThan(20_000);
        files.Headline.Select(h => h.Curve).ShouldBe(["erm", "gapreg", "fairmixup"]);
        files.Headline[0].Lambda.ShouldBe("–");
        files.Headline[1].Utility.ShouldBe("84.00 ± 1.00");
        var keep = Environment.GetEnvironmentVariable("FAIRSHARP_KEEP_FIGURES");
        if (!string.IsNullOrEmpty(keep))
        {
            foreach (var f in Directory.GetFiles(dir.Path))
            {
                File.Copy(f, Path.Combine(Directory.CreateDirectory(keep).FullName, Path.GetFileName(f)), overwrite: true);
            }
        }
    }
}
