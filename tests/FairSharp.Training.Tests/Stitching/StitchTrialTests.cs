using FairSharp.Training.Stitching;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchTrialTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-trial-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Trains_the_backbone_once_and_runs_every_stitch_method_on_it()
    {
        StitchTrial.Methods.ShouldBe(["tfs", "fdr", "tfs-joint"]);
        StitchTrial.IsStitchMethod("erm").ShouldBeFalse();
        var request = new StitchTrialRequest("german", ["sex"], "tfs", root) { Seed = 2, Alpha = 5, Epochs = 3, Threads = 1 };
        var tfs = StitchTrial.Run(request);
        tfs.Status.ShouldBe("completed");
        tfs.Config.Alpha.ShouldBe(5);
        tfs.Epochs.Count.ShouldBe(3);
        var folder = StitchTrial.BackboneFolder(request);
        Path.GetFileName(folder).ShouldBe("erm-german-sex-ffb-seed2");
        var written = File.GetLastWriteTimeUtc(Path.Combine(folder, "model.bin"));

        var fdr = StitchTrial.Run(request with { Method = "fdr", StitchLayer = 1 });
        fdr.Backbone.FeaturesFromDisk.ShouldBeFalse(); // another stitch point: computed, then cached
        File.GetLastWriteTimeUtc(Path.Combine(folder, "model.bin")).ShouldBe(written);
        fdr.Backbone.Test.ShouldBe(tfs.Backbone.Test); // same backbone, same data
        StitchTrial.Run(request with { Method = "tfs-joint" }).Backbone.FeaturesFromDisk.ShouldBeTrue();
        Directory.GetFiles(Path.Combine(folder, StitchRun.FeatureFolder)).Length.ShouldBe(2);
    }

    [Fact]
    public void A_bad_method_or_init_is_bad_input()
    {
        Should.Throw<InvalidInputException>(() => StitchTrial.ToStitchRequest(new StitchTrialRequest("german", ["sex"], "erm", root)))
            .Message.ShouldBe(string.Format(StitchMethods.Unknown, "erm"));
        Should.Throw<InvalidInputException>(() => StitchTrial.ToStitchRequest(new StitchTrialRequest("german", ["sex"], "tfs", root) { StitchInit = "zero" }))
            .Message.ShouldBe(string.Format(StitchInits.Unknown, "zero"));
    }
}
