using FairSharp.Training.Stitching;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchTrialTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-trial-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Trains_the_backbone_once_and_runs_every_stitch_method_on_it()
    {
        var request = new StitchTrialRequest("german", ["sex"], "tfs", root)
        {
            Seed = 2,
            Options = (StitchOptions)StitchMethodDescriptor.Tfs.Configure([new("alpha", "5"), new("epochs", "3")]),
            Threads = 1,
        };
        var tfs = StitchTrial.Run(request);
        tfs.Status.ShouldBe("completed");
        tfs.Config.MethodOptions["alpha"].ShouldBe(5.0);
        tfs.Config.MethodOptions.Keys.ShouldBe(StitchMethodDescriptor.Tfs.Knobs.Select(k => k.Name).Order(StringComparer.Ordinal));
        tfs.Epochs.Count.ShouldBe(3);
        var folder = StitchTrial.BackboneFolder(request);
        Path.GetFileName(folder).ShouldBe("erm-german-sex-ffb-seed2");
        var written = File.GetLastWriteTimeUtc(Path.Combine(folder, "model.bin"));

        var fdr = StitchTrial.Run(request with { Method = "fdr", Options = (StitchOptions)StitchMethodDescriptor.Fdr.Configure([new("epochs", "3"), new("stitch_layer", "1")]) });
        fdr.Backbone.FeaturesFromDisk.ShouldBeFalse(); // another stitch point: computed, then cached
        fdr.Config.MethodOptions.Keys.ShouldBe(StitchMethodDescriptor.Fdr.Knobs.Select(k => k.Name).Order(StringComparer.Ordinal));
        fdr.Config.MethodOptions.Keys.ShouldNotContain("init");
        fdr.Config.MethodOptions.Keys.ShouldNotContain("lambda_align");
        fdr.Config.MethodOptions["stitch_layer"].ShouldBe(1);
        File.GetLastWriteTimeUtc(Path.Combine(folder, "model.bin")).ShouldBe(written);
        fdr.Backbone.Test.ShouldBe(tfs.Backbone.Test); // same backbone, same data
        StitchTrial.Run(request with { Method = "tfs-joint", Options = (StitchOptions)StitchMethodDescriptor.TfsJoint.Configure([new("epochs", "3")]) })
            .Backbone.FeaturesFromDisk.ShouldBeTrue();
        Directory.GetFiles(Path.Combine(folder, StitchRun.FeatureFolder)).Length.ShouldBe(2);
    }

    [Fact]
    public void A_bad_method_or_options_of_another_method_is_bad_input()
    {
        Should.Throw<InvalidInputException>(() => StitchTrial.ToStitchRequest(new StitchTrialRequest("german", ["sex"], "erm", root)))
            .Message.ShouldBe(string.Format(FairSharp.Training.Objectives.MethodRegistry.OtherKind, "erm", "train", "fdr, tfs, tfs-joint"));
        Should.Throw<InvalidInputException>(() => StitchTrial.ToStitchRequest(new StitchTrialRequest("german", ["sex"], "tfs", root) { Options = (StitchOptions)StitchMethodDescriptor.Fdr.Defaults }))
            .Message.ShouldBe(string.Format(FairSharp.Training.Methods.MethodDescriptor.WrongOptions, "StitchOptions of fdr", "tfs"));
        Should.Throw<InvalidInputException>(() => StitchMethodDescriptor.Tfs.Configure([new("init", "zero")]))
            .Message.ShouldBe("init must be one of random, identity, lstsq, got 'zero'");
    }

    [Fact]
    public async Task A_worker_waits_for_the_backbone_another_worker_is_training_and_reuses_it()
    {
        var request = new StitchTrialRequest("german", ["sex"], "tfs", root) { Seed = 4, Threads = 1 };
        var folder = StitchTrial.BackboneFolder(request);
        var prepared = 0;
        Task<string> waiting;
        using (new FileStream(folder + StitchTrial.LockSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            // "Another worker" holds the backbone's lock: this one must not start training (prepare its data).
            waiting = Task.Run(() => StitchTrial.EnsureBackbone(request, r =>
            {
                Interlocked.Increment(ref prepared);
                throw new InvalidOperationException("trained a backbone another worker holds");
            }));
            await Task.Delay(300);
            waiting.IsCompleted.ShouldBeFalse(waiting.Exception?.ToString());
            Directory.CreateDirectory(folder); // the other worker's finished backbone
            File.WriteAllText(Path.Combine(folder, FairSharp.Training.Checkpoints.ModelCheckpoint.ManifestFile), "{}");
        }

        (await waiting.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBe(folder);
        prepared.ShouldBe(0);
    }
}
