using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests.Images;

/// <summary>UTKFace from ../shared/data/utkface (the 32×32 derivative); never copied into the repository, so these
/// tests are skipped where that folder is absent.</summary>
public sealed class UtkFaceTests
{
    [SharedDataFact("utkface")]
    public void The_derivative_has_9778_images_with_4372_male_and_5406_female_and_the_tfs_cells()
    {
        var d = DatasetLoader.Prepare(new DataRequest("utkface", ["gender"], TfsProtocol.ProtocolName, 0));
        Prepared.Rows(d).ShouldBe(9_778);
        Prepared.InGroup(d, 0).ShouldBe(4_372);
        Prepared.InGroup(d, 1).ShouldBe(5_406);
        Prepared.Cell(d, 0, 1).ShouldBe(2_587);
        Prepared.Cell(d, 1, 1).ShouldBe(3_695);
        Prepared.Cell(d, 0, 0).ShouldBe(1_785);
        Prepared.Cell(d, 1, 0).ShouldBe(1_711);
        d.Train.SampleShape.ShouldBe([3, 32, 32]);
        d.Train.Features.Min().ShouldBeGreaterThanOrEqualTo(-1f);
        d.Train.Features.Max().ShouldBeLessThanOrEqualTo(1f);
        d.Train.Features.Min().ShouldBe(-1f);
        d.Train.Features.Max().ShouldBe(1f);
        // TFS's per-cell proportions, about 60/20/20.
        ((double)d.Train.Count / 9_778).ShouldBe(0.6, 0.01);
        ((double)d.Validation.Count / 9_778).ShouldBe(0.2, 0.01);
    }

    [SharedDataFact("utkface")]
    public void The_ffb_protocol_uses_age_over_30_and_an_80_10_10_split()
    {
        var d = DatasetLoader.Prepare(new DataRequest("utkface", ["race"], FfbProtocol.ProtocolName, 0));
        Prepared.Cell(d, 0, 0).ShouldBe(3_405);
        Prepared.Cell(d, 1, 0).ShouldBe(2_385);
        Prepared.Cell(d, 0, 1).ShouldBe(1_108);
        Prepared.Cell(d, 1, 1).ShouldBe(2_880);
        ((double)d.Train.Count / 9_778).ShouldBe(0.8, 0.01);
        d.Train.Features.Min().ShouldBeGreaterThanOrEqualTo(0f);
    }
}
