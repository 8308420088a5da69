using System.Text.Json;
using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Protocols;
using FairSharp.Training.Runs;
using TorchSharp;

namespace FairSharp.Training.Tests.Runs;

public sealed class TrainingRunTests : IDisposable
{
    private static readonly PreparedDataset Data = Synthetic.Dataset(trainRows: 300);
    private readonly string root = Path.Combine(Path.GetTempPath(), "fairsharp-run-tests-" + Guid.NewGuid().ToString("N"));

    public TrainingRunTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static TrainRequest Request(string method = "gapreg", int seed = 5) => new("synthetic", ["s"], method)
    {
        Options = MethodRegistry.Get(method).HasLambda ? MethodRegistry.Get(method).Configure([new("lambda", "0.5")]) : null,
        Seed = seed,
        Steps = 20,
        BatchSize = 64,
        Threads = 1,
    };

    [Fact]
    public void Same_seed_gives_bitwise_identical_result_and_weights()
    {
        var a = Path.Combine(root, "a");
        var b = Path.Combine(root, "b");
        TrainingRun.Execute(Request(), Data, a);
        TrainingRun.Execute(Request(), Data, b);
        File.ReadAllBytes(Path.Combine(a, "result.json")).ShouldBe(File.ReadAllBytes(Path.Combine(b, "result.json")));
        File.ReadAllBytes(Path.Combine(a, "model.bin")).ShouldBe(File.ReadAllBytes(Path.Combine(b, "model.bin")));
        File.ReadAllBytes(Path.Combine(a, "manifest.json")).ShouldBe(File.ReadAllBytes(Path.Combine(b, "manifest.json")));

        var c = Path.Combine(root, "c");
        TrainingRun.Execute(Request(seed: 6), Data, c);
        File.ReadAllBytes(Path.Combine(a, "model.bin")).ShouldNotBe(File.ReadAllBytes(Path.Combine(c, "model.bin")));
    }

    [Fact]
    public void Result_json_has_the_documented_shape_with_every_metric_key()
    {
        var dir = Path.Combine(root, "shape");
        var outcome = TrainingRun.Execute(Request(), Data, dir);
        Directory.GetFiles(dir).Select(Path.GetFileName).Order().ShouldBe(["manifest.json", "model.bin", "result.json"]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        var rootElement = json.RootElement;
        rootElement.GetProperty("status").GetString().ShouldBe("completed");
        rootElement.GetProperty("config").GetProperty("method").GetString().ShouldBe("gapreg");
        rootElement.GetProperty("config").GetProperty("constraint").GetString().ShouldBe("dp");
        rootElement.GetProperty("config").GetProperty("seed").GetInt32().ShouldBe(5);
        rootElement.GetProperty("config").GetProperty("model").GetProperty("hidden").GetArrayLength().ShouldBe(3);
        rootElement.GetProperty("config").GetProperty("comparison").GetString().ShouldBe("score >= 0.5");
        rootElement.GetProperty("selection").GetString().ShouldBe("last");
        rootElement.GetProperty("chosen_epoch").GetInt32().ShouldBe(1);
        rootElement.GetProperty("epochs").GetArrayLength().ShouldBe(2);
        rootElement.GetProperty("epochs")[1].GetProperty("validation").GetProperty("accuracy").GetDouble().ShouldBeInRange(0, 1);
        // selection "last" reads no validation before the end, so the first period has none
        rootElement.GetProperty("epochs")[0].GetProperty("validation").EnumerateObject().ShouldBeEmpty();
        rootElement.GetProperty("epochs")[0].GetProperty("diagnostics").GetProperty("dp_gap").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var test = rootElement.GetProperty("test");
        foreach (var key in MetricKeys.All)
        {
            test.TryGetProperty(key, out _).ShouldBeTrue(key);
        }

        test.GetProperty("accuracy").GetDouble().ShouldBe(outcome.Test[MetricKeys.Accuracy]);
        rootElement.GetProperty("test_by_group").EnumerateObject().Select(p => p.Name).ShouldBe(["s=0", "s=1"]);
        rootElement.GetProperty("data").GetProperty("train_rows").GetInt32().ShouldBe(300);
        rootElement.GetProperty("definitions").GetProperty("equalized_odds_sum").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_saved_model_reloads_and_reproduces_the_test_metrics_exactly()
    {
        var dir = Path.Combine(root, "saved");
        var outcome = TrainingRun.Execute(Request("hsic") with { Selection = "min-gap", SelectionWarmup = 0, Steps = 30 }, Data, dir);
        var (model, manifest) = ModelCheckpoint.Load(dir);
        using var _ = model;
        manifest.Format.ShouldBe("fairsharp-model/1");
        manifest.ChosenEpoch.ShouldBe(outcome.ChosenEpoch);
        manifest.WeightLayers.ShouldBe(["stages.0.linear.weight", "stages.1.linear.weight", "stages.2.linear.weight", "head.weight"]);
        manifest.StitchPoints.Select(p => p.Width).ShouldBe([512, 256, 64]);
        manifest.Packages.Keys.ShouldBe(["dotnet", "fairsharp", "libtorch", "torchsharp"]);
        manifest.Data.DataSha256.ShouldBe("0000");
        manifest.MetricDefinitions.Count.ShouldBeGreaterThan(20);

        using var tensors = TensorConversion.ToTensors(Data.Test);
        var scores = model.PredictProbabilities(tensors.X).Select(p => (double)p).ToArray();
        var evaluation = ModelEvaluator.Evaluate(Data.Test.Labels, scores, Data.Test.Groups, Data.GroupNames);
        foreach (var key in MetricKeys.All)
        {
            var expected = outcome.Test[key];
            var actual = evaluation.Metrics[key];
            (double.IsNaN(expected) ? double.IsNaN(actual) : expected == actual).ShouldBeTrue($"{key}: {expected} vs {actual}");
            manifest.Test[key].Equals(expected).ShouldBeTrue(key);
        }
    }

    [Fact]
    public void A_non_empty_output_directory_is_refused_before_training_and_left_alone()
    {
        var dir = Path.Combine(root, "busy");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");
        Should.Throw<InvalidInputException>(() => TrainingRun.Execute(Request(), Data, dir)).Message
            .ShouldBe($"output directory '{dir}' already exists and is not empty (choose another --out or remove it)");
        Directory.GetFiles(dir).Select(Path.GetFileName).ShouldBe(["keep.txt"]);
        Directory.GetDirectories(root).Select(Path.GetFileName).ShouldBe(["busy"]);
    }

    [Fact]
    public void A_failing_run_leaves_no_output_folder_behind()
    {
        var dir = Path.Combine(root, "failed");
        var request = Request() with { Constraint = FairnessConstraint.EqualizedOdds };
        var noPositives = Data with
        {
            Train = new DataSplit("train", new float[Data.Train.Features.Length], Data.Train.SampleShape,
                Data.Train.Labels.Select((y, i) => Data.Train.Groups[i] == 1 ? 0 : y).ToArray(), Data.Train.Groups),
        };
        Should.Throw<InvalidInputException>(() => TrainingRun.Execute(request, noPositives, dir)).Message
            .ShouldBe("method 'gapreg' needs training rows with y = 1 in every group, but group 's=1' has none");
        Directory.Exists(dir).ShouldBeFalse();
        Directory.GetFileSystemEntries(root).ShouldBeEmpty();
    }

    [Fact]
    public void A_diverging_run_records_its_status_and_writes_no_model()
    {
        var dir = Path.Combine(root, "diverged");
        var outcome = TrainingRun.Execute(Request("erm") with { LearningRate = 1e30, Steps = 30 }, Data, dir);
        outcome.Status.ShouldBe("diverged");
        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldNotBeNull();
        outcome.Message!.ShouldStartWith("training diverged ");
        outcome.ChosenEpoch.ShouldBe(-1);
        outcome.Test.ShouldBeEmpty();
        Directory.GetFiles(dir).Select(Path.GetFileName).ShouldBe(["result.json"]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        json.RootElement.GetProperty("status").GetString().ShouldBe("diverged");
        json.RootElement.GetProperty("test").EnumerateObject().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("magic", 1.0, 5, "unknown method 'magic' (expected one of: adversarial, erm, fairmixup, gapreg, hsic, prejudice-remover)")]
    [InlineData("gapreg", -1.0, 5, "lambda must be a finite number >= 0, got -1")]
    [InlineData("erm", 1.0, 0, "--epochs must be at least 1, got 0")]
    public void Bad_requests_are_refused_with_one_clear_line(string method, double lambda, int epochs, string message)
    {
        var request = new TrainRequest("adult", ["sex"], method)
        {
            Options = method == "gapreg" ? new Methods.GapRegOptions(lambda) : null,
            Epochs = epochs,
        };
        Should.Throw<InvalidInputException>(() => request.Validate()).Message.ShouldStartWith(message.Split(" (expected")[0]);
        Should.Throw<InvalidInputException>(() => request.Validate()).Message.ShouldBe(message.Replace(
            "adversarial, erm, fairmixup, gapreg, hsic, prejudice-remover", string.Join(", ", MethodRegistry.NamesOf(Methods.MethodKind.Network)), StringComparison.Ordinal));
    }

    [Fact]
    public void The_reported_batch_text_names_the_presets_batch()
    {
        var ffb = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"]), Data);
        var mixup = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"], "gapreg") { Protocol = "fairmixup" }, Data);
        TrainingProtocols.Get("ffb").DescribeBatch(stratified: false).ShouldBe($"{ffb.Trainer.BatchSize} rows (the ffb protocol's; images 128)");
        TrainingProtocols.Get("ffb").DescribeBatch(stratified: true)
            .ShouldBe($"{ffb.Trainer.BatchSize} rows per stratum (the ffb protocol's {ffb.Trainer.BatchSize}, drawn from every stratum) for every method");
        TrainingProtocols.Get("fairmixup").DescribeBatch(stratified: true)
            .ShouldBe($"{mixup.Trainer.BatchSize} rows per stratum, {mixup.Trainer.IterationsPerEpoch} draws per epoch (the fairmixup protocol's)");
        TrainingProtocols.Get("tfs").DescribeBatch(stratified: false).ShouldBe("128 rows (the tfs protocol's)");
    }

    [Fact]
    public void Protocol_presets_resolve_to_the_anchors_settings()
    {
        var ffb = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"]), Data);
        ffb.Model.ShouldBe(ffb.Model with { Architecture = "mlp", Dropout = 0.5 });
        ffb.Model.Hidden.ShouldBe([512, 256, 64]);
        ffb.Trainer.LearningRate.ShouldBe(1e-2);
        ffb.Trainer.StepLrPeriod.ShouldBe(50);
        ffb.Trainer.Steps.ShouldBe(150);
        ffb.Trainer.BatchSize.ShouldBe(1024);
        ffb.Trainer.Unit.ShouldBe(ScheduleUnit.Steps);

        var adversarial = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"], "adversarial"), Data);
        adversarial.Model.Dropout.ShouldBe(0);
        adversarial.Trainer.Steps.ShouldBe(250);

        var mixup = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"], "gapreg") { Protocol = "fairmixup", Constraint = FairnessConstraint.EqualizedOdds }, Data);
        mixup.Model.Hidden.ShouldBe([200, 200]);
        mixup.Trainer.Sampling.ShouldBe(SamplingKind.ByGroupAndLabel);
        mixup.Trainer.IterationsPerEpoch.ShouldBe(100);
        mixup.Trainer.Selection.Describe().ShouldBe("min validation eo_score_gap over epochs >= 1");

        // --epochs under a step protocol: passes over the training split (300 rows / batch 64 → 4 steps per pass)
        TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"]) { Epochs = 3, BatchSize = 64 }, Data).Trainer.Steps.ShouldBe(12);
    }

    [Fact]
    public void Arch_replaces_the_protocols_model_with_that_architectures_defaults()
    {
        var same = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"]) { Architecture = "mlp" }, Data);
        var preset = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"]), Data).Model;
        (same.Model.Architecture, same.Model.Dropout).ShouldBe((preset.Architecture, preset.Dropout));
        same.Model.InputShape.ShouldBe(preset.InputShape);
        same.Model.Hidden.ShouldBe(preset.Hidden);

        var cnn = TrainingProtocols.Resolve(new TrainRequest("adult", ["sex"]) { Architecture = "small-cnn" }, Data);
        cnn.Model.Architecture.ShouldBe("small-cnn");
        cnn.Model.Hidden.ShouldBe([32, 64, 128]);
        Should.Throw<InvalidInputException>(cnn.Model.Validate).Message.ShouldBe("model 'small-cnn' cannot take inputs of shape [6]");

        var split = new DataSplit("train", new float[4 * 3 * 8 * 8], [3, 8, 8], [0, 1, 0, 1], [0, 0, 1, 1]);
        var images = new PreparedDataset("faces", "ffb", ["s"], ["s=0", "s=1"], [], split, split, split, "0000", 0);
        TrainingProtocols.Resolve(new TrainRequest("faces", ["s"]), images).Model.Architecture.ShouldBe("resnet18");
        var mlp = TrainingProtocols.Resolve(new TrainRequest("faces", ["s"]) { Architecture = "mlp", Hidden = [16] }, images).Model;
        mlp.InputShape.ShouldBe([192]);
        mlp.Hidden.ShouldBe([16]);
        using var net = mlp.Build();
        using var x = torch.zeros(4, 3, 8, 8);
        using var logits = net.forward(x);
        logits.shape.ShouldBe([4L]);
        var smallCnn = TrainingProtocols.Resolve(new TrainRequest("faces", ["s"]) { Architecture = "small-cnn" }, images).Model;
        smallCnn.InputShape.ShouldBe([3, 8, 8]);
        smallCnn.Hidden.ShouldBe([32, 64, 128]);

        Should.Throw<InvalidInputException>(() => new TrainRequest("adult", ["sex"]) { Architecture = "vgg" }.ValidateOptions())
            .Message.ShouldBe("unknown model architecture 'vgg' (expected mlp, small-cnn, resnet18 or resnet18-cifar)");
    }
}
