using System.Text.Json;
using FairSharp.Training.Stitching;

namespace FairSharp.Cli.Tests.Commands;

public sealed class StitchCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-stitch-").FullName;
    private readonly string backbone;

    public StitchCommandTests()
    {
        backbone = Path.Combine(root, "erm");
        var (exit, _, error) = CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex", "--method", "erm", "--steps", "3",
            "--threads", "1", "--seed", "1", "--out", backbone);
        exit.ShouldBe(ExitCodes.Success, error);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Tfs_writes_the_three_files_and_caches_the_features_next_to_the_backbone()
    {
        var dir = Path.Combine(root, "tfs");
        var (exit, output, error) = CliRunner.Run("stitch", "--backbone", backbone, "--method", "tfs", "--epochs", "4", "--threads", "1", "--out", dir);
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("tfs (eo, alpha 20, init random, batch ");
        output.ShouldContain("at stitch point 2 (hidden3) of german [sex], seed 0: completed, 4 steps");
        output.ShouldContain("| equalized_odds_difference");
        Directory.GetFiles(dir).Select(Path.GetFileName).Order().ShouldBe(["manifest.json", "model.bin", "result.json"]);
        Directory.GetFiles(Path.Combine(backbone, StitchRun.FeatureFolder)).Length.ShouldBe(1);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        var r = json.RootElement;
        r.GetProperty("selection").GetString().ShouldBe("tfs-gate");
        r.GetProperty("epochs").GetArrayLength().ShouldBe(4);
        r.GetProperty("config").GetProperty("stitch_layer").GetInt32().ShouldBe(2);
        r.GetProperty("config").GetProperty("effective_batch_size").GetInt32()
            .ShouldBe(4 * r.GetProperty("config").GetProperty("balanced_cells")[0].GetProperty("taken").GetInt32());
        r.GetProperty("test").GetProperty("abroca").GetDouble().ShouldBeInRange(0.0, 1.0);
        r.GetProperty("test_by_group").GetProperty("sex=male").GetProperty("false_negative_rate").GetDouble().ShouldBeInRange(0.0, 1.0);
        r.GetProperty("backbone").GetProperty("test").GetProperty("accuracy").GetDouble().ShouldBeInRange(0.0, 1.0);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        manifest.RootElement.GetProperty("format").GetString().ShouldBe("fairsharp-stitch/2");
        r.GetProperty("config").GetProperty("method_options").GetProperty("init").GetString().ShouldBe("random");
        r.GetProperty("config").GetProperty("method_options").GetProperty("lambda_align").GetDouble().ShouldBe(0);
        manifest.RootElement.GetProperty("config").GetProperty("method_options").GetProperty("alpha").GetDouble().ShouldBe(20);

        // a stitch folder is not a model: refused in one line naming its format
        var stitched = CliRunner.Run("stitch", "--backbone", dir, "--epochs", "1", "--out", Path.Combine(root, "on-stitch"));
        stitched.Exit.ShouldBe(ExitCodes.BadInput);
        stitched.Err.TrimEnd().ShouldBe("fairsharp: " + string.Format(FairSharp.Training.Checkpoints.ModelCheckpoint.BadManifest,
            Path.Combine(dir, "manifest.json"), "format 'fairsharp-stitch/2'"));

        // second run on the same backbone reads the cache
        var again = Path.Combine(root, "fdr");
        var second = CliRunner.Run("stitch", "--backbone", backbone, "--method", "fdr", "--epochs", "2", "--batch-size", "64", "--threads", "1", "--out", again);
        second.Exit.ShouldBe(ExitCodes.Success, second.Err);
        using var fdr = JsonDocument.Parse(File.ReadAllText(Path.Combine(again, "result.json")));
        fdr.RootElement.GetProperty("backbone").GetProperty("features_from_disk").GetBoolean().ShouldBeTrue();
        // result.json records only the knobs fdr has: no stitch, so neither init nor lambda_align.
        var fdrKnobs = fdr.RootElement.GetProperty("config").GetProperty("method_options");
        fdrKnobs.EnumerateObject().Select(p => p.Name).ShouldBe(StitchMethodDescriptor.Fdr.Knobs.Select(k => k.Name).Order(StringComparer.Ordinal));
        fdrKnobs.TryGetProperty("init", out _).ShouldBeFalse();
        fdrKnobs.GetProperty("batch_size").GetInt32().ShouldBe(64);
        fdr.RootElement.GetProperty("config").TryGetProperty("init", out _).ShouldBeFalse();
    }

    [Fact]
    public void Tfs_joint_at_an_intermediate_layer_with_identity_init_starts_from_the_backbone()
    {
        var dir = Path.Combine(root, "joint");
        var (exit, _, error) = CliRunner.Run("stitch", "--backbone", backbone, "--method", "tfs-joint", "--stitch-layer", "0", "--init", "identity",
            "--epochs", "1", "--lr", "1e-9", "--threads", "1", "--no-cache", "--out", dir);
        exit.ShouldBe(ExitCodes.Success, error);
        Directory.Exists(Path.Combine(backbone, StitchRun.FeatureFolder)).ShouldBeFalse();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        var r = json.RootElement;
        r.GetProperty("config").GetProperty("stitch_point").GetProperty("name").GetString().ShouldBe("hidden1");
        // identity start and a negligible step: the stitched model's test accuracy is the backbone's
        r.GetProperty("test").GetProperty("accuracy").GetDouble().ShouldBe(r.GetProperty("backbone").GetProperty("test").GetProperty("accuracy").GetDouble());
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--method", "magic"], "fairsharp: " + string.Format(ValueChoices.Unknown, "--method", "magic", "tfs", string.Join(", ", StitchMethods.Names)) },
        { ["--init", "zeros"], "fairsharp: --init must be one of random, identity, lstsq, got 'zeros'" },
        { ["--method", "fdr", "--init", "identity"], "fairsharp: --init does not apply to method 'fdr' (its options: alpha, constraint, stitch_layer, batch_size, epochs, lr, momentum, weight_decay, class_weighted, fine_tune_on, gate_bacc, gate_bacc_drop, gate_auc, gate_eod)" },
        { ["--constraint", "dp"], "fairsharp: " + string.Format(ValueChoices.Unknown, "--constraint", "dp", "eo", "eo, ae, mmf") },
        { ["--fine-tune-on", "test"], "fairsharp: --fine-tune-on must be one of train+val, train, got 'test'" },
        { ["--alpha", "-1"], "fairsharp: --alpha must be a finite number >= 0, got -1" },
        { ["--epochs", "0"], "fairsharp: --epochs must be at least 1, got 0" },
        { ["--batch-size", "0"], "fairsharp: --batch-size must be at least 1, got 0" },
        { ["--gate-eod", "2"], "fairsharp: selection threshold equalized odds must be in [0, 1], got 2" },
        { ["--stitch-layer", "7"], "fairsharp: --stitch-layer 7 does not exist: the backbone has stitch points 0..2" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing(string[] change, string message)
    {
        var dir = Path.Combine(root, "bad");
        var args = new Dictionary<string, string> { ["--backbone"] = backbone, ["--epochs"] = "2", ["--threads"] = "1", ["--out"] = dir };
        for (var i = 0; i < change.Length; i += 2)
        {
            args[change[i]] = change[i + 1];
        }

        var (exit, output, error) = CliRunner.Run(["stitch", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        exit.ShouldBe(ExitCodes.BadInput);
        output.ShouldBeEmpty();
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        error.TrimEnd().ShouldBe(message);
        Directory.GetFileSystemEntries(root).Select(Path.GetFileName).ShouldBe(["erm"]);
        Directory.GetFileSystemEntries(backbone).Select(Path.GetFileName).Order().ShouldBe(["manifest.json", "model.bin", "result.json"]);
    }

    [Fact]
    public void A_missing_backbone_exits_2()
    {
        var missing = Path.Combine(root, "nothing");
        var (exit, _, error) = CliRunner.Run("stitch", "--backbone", missing, "--out", Path.Combine(root, "x"));
        exit.ShouldBe(ExitCodes.BadInput);
        error.TrimEnd().ShouldBe("fairsharp: " + string.Format(FairSharp.Training.Checkpoints.ModelCheckpoint.MissingFile, Path.Combine(missing, "manifest.json")));
        Directory.Exists(Path.Combine(root, "x")).ShouldBeFalse();
    }

    [Fact]
    public void A_non_empty_output_directory_exits_2_and_is_left_untouched()
    {
        var dir = Path.Combine(root, "full");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");
        var (exit, _, error) = CliRunner.Run("stitch", "--backbone", backbone, "--epochs", "1", "--out", dir);
        exit.ShouldBe(ExitCodes.BadInput);
        error.TrimEnd().ShouldBe("fairsharp: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, FairSharp.Cli.CliErrors.OutputNotEmpty, "--out", dir));
        Directory.GetFiles(dir).Select(Path.GetFileName).ShouldBe(["keep.txt"]);
    }
}
