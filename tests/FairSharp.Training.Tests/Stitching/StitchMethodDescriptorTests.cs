using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Selection;
using FairSharp.Training.Stitching;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchMethodDescriptorTests
{
    [Fact]
    public void Every_stitch_default_is_a_knob_and_fdr_lacks_the_stitch_only_knobs()
    {
        MethodRegistry.Stitch("tfs").ShouldBeSameAs(StitchMethodDescriptor.Tfs);
        StitchMethodDescriptor.Tfs.Kind.ShouldBe(MethodKind.Stitch);
        StitchMethodDescriptor.Tfs.WeightKnob.ShouldBe("alpha");
        StitchMethodDescriptor.Tfs.Backbone.ShouldBe("erm");
        var tfs = StitchMethodDescriptor.Tfs.Describe(StitchMethodDescriptor.Tfs.Defaults);
        tfs.ShouldBe(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["alpha"] = 20.0, ["batch_size"] = "full", ["class_weighted"] = "false", ["constraint"] = "eo", ["epochs"] = 1000,
            ["fine_tune_on"] = "train+val", ["gate_auc"] = "none", ["gate_bacc"] = "none", ["gate_bacc_drop"] = 0.03, ["gate_eod"] = "none",
            ["init"] = "random", ["lambda_align"] = 0.0, ["lr"] = 0.01, ["momentum"] = 0.9, ["stitch_layer"] = "penultimate", ["weight_decay"] = 5e-4,
        });
        var fdr = StitchMethodDescriptor.Fdr.Describe(StitchMethodDescriptor.Fdr.Defaults);
        fdr.Keys.ShouldBe(tfs.Keys.Where(k => k is not "init" and not "lambda_align"));
        fdr["class_weighted"].ShouldBe("true");
        Should.Throw<InvalidInputException>(() => StitchMethodDescriptor.Fdr.Configure([new("init", "identity")]))
            .Message.ShouldStartWith("init does not apply to method 'fdr'");
    }

    [Fact]
    public void Knobs_set_the_options_the_stitch_run_reads_and_round_trip_as_text()
    {
        var options = (StitchOptions)StitchMethodDescriptor.TfsJoint.Configure([
            new("batch_size", "1"), new("fine_tune_on", "train"), new("stitch_layer", "2"), new("init", "lstsq"), new("gate_bacc", "0.8"),
            new("gate_bacc_drop", "none"), new("class_weighted", "true"), new("epochs", "7"), new("alpha", "5"),
        ]);
        options.ShouldBe(new StitchOptions
        {
            Method = StitchMethod.TfsJoint, BatchSize = 1, FineTuneOn = FineTuningSet.TrainOnly, StitchLayer = 2, Init = StitchInit.LeastSquares,
            Selection = new TfsGate { MinBalancedAccuracy = 0.8, RelativeBalancedAccuracyDrop = null }, ClassWeighted = true, Epochs = 7, Alpha = 5,
        });
        foreach (var knob in StitchMethodDescriptor.TfsJoint.Knobs)
        {
            knob.Format(knob.Apply(options, knob.Format(options))).ShouldBe(knob.Format(options), knob.Name);
        }

        StitchMethodDescriptor.Tfs.Knob("batch_size")!.Format(StitchMethodDescriptor.Tfs.Configure([new("batch_size", "full")])).ShouldBe("full");
        Should.Throw<InvalidInputException>(() => StitchMethodDescriptor.Tfs.Configure([new("batch_size", "half")]))
            .Message.ShouldBe("batch_size must be an integer, got 'half'");
        Should.Throw<InvalidInputException>(() => StitchMethodDescriptor.Tfs.Configure([new("batch_size", "0")]).Validate())
            .Message.ShouldBe("batch_size must be at least 1, got 0");
    }
}
