using System.Text.Json;
using FairSharp.Training.Runs;

namespace FairSharp.Cli.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-train-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void The_protocol_help_lists_the_registrys_protocols_with_their_datasets()
    {
        var (exit, output, error) = CliRunner.Run("train", "--help");
        exit.ShouldBe(ExitCodes.Success, error);
        output.ReplaceLineEndings(" ").ShouldContain("Protocol preset: ffb (default), fairmixup (adult), tfs (utkface).");
    }

    [Fact]
    public void Trains_german_under_ffb_clamping_the_batch_and_writes_the_three_files()
    {
        var dir = Path.Combine(root, "run");
        var (exit, output, error) = CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex", "--method", "gapreg",
            "--constraint", "eo", "--lambda", "0.5", "--steps", "4", "--threads", "1", "--seed", "3", "--out", dir);
        exit.ShouldBe(ExitCodes.Success, error);
        error.ShouldBe("batch size 1024 is larger than the 400 training rows: using batches of 400" + Environment.NewLine);
        output.ShouldContain("gapreg (eo, lambda=0.5) on german [sex], protocol ffb, seed 3: completed, 4 steps");
        output.ShouldContain("| equalized_odds_sum");
        Directory.GetFiles(dir).Select(Path.GetFileName).Order().ShouldBe(["manifest.json", "model.bin", "result.json"]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        json.RootElement.GetProperty("config").GetProperty("comparison").GetString().ShouldBe("score >= 0.5");
        // result.json records the knobs the method has, and only those
        json.RootElement.GetProperty("config").GetProperty("method_options").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble()))
            .ShouldBe([("lambda", 0.5)]);
        json.RootElement.GetProperty("config").TryGetProperty("lambda_align", out _).ShouldBeFalse();
        json.RootElement.GetProperty("data").GetProperty("train_rows").GetInt32().ShouldBe(400);
        json.RootElement.GetProperty("steps").GetInt32().ShouldBe(4);
        json.RootElement.GetProperty("messages")[0].GetString().ShouldStartWith("batch size 1024 is larger");
        json.RootElement.GetProperty("test").GetProperty("accuracy").GetDouble().ShouldBeInRange(0.0, 1.0);
    }

    [Fact]
    public void The_same_command_twice_gives_identical_result_and_weights()
    {
        string[] Args(string dir) => ["train", "--dataset", "german", "--sensitive", "age", "--method", "erm", "--steps", "3", "--threads", "1", "--out", dir];
        var a = Path.Combine(root, "a");
        var b = Path.Combine(root, "b");
        CliRunner.Run(Args(a)).Exit.ShouldBe(ExitCodes.Success);
        CliRunner.Run(Args(b)).Exit.ShouldBe(ExitCodes.Success);
        File.ReadAllBytes(Path.Combine(a, "result.json")).ShouldBe(File.ReadAllBytes(Path.Combine(b, "result.json")));
        File.ReadAllBytes(Path.Combine(a, "model.bin")).ShouldBe(File.ReadAllBytes(Path.Combine(b, "model.bin")));
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--method", "magic"], "fairsharp: --method: unknown value 'magic'; did you mean 'hsic'? (one of: adversarial, diffmcdp, erm, fairer, fairmixup, gapreg, hsic, prejudice-remover)" },
        { ["--lambda-align", "0.1"], "fairsharp: --lambda-align does not apply to method 'erm' (its options: none)" },
        { ["--method", "fairer", "--lambda-align", "-1"], "fairsharp: --lambda-align must be a finite number >= 0, got -1" },
        { ["--method", "diffmcdp", "--search", "grid"], "fairsharp: --search must be one of exact, released, got 'grid'" },
        { ["--method", "gapreg", "--pairing", "all-pairs"], "fairsharp: --pairing does not apply to method 'gapreg' (its options: lambda)" },
        { ["--constraint", "parity"], "fairsharp: --constraint: unknown value 'parity'; did you mean 'dp'? (one of: dp, eo, eopp)" },
        { ["--method", "gapreg", "--lambda", "-0.5"], "fairsharp: --lambda must be a finite number >= 0, got -0.5" },
        { ["--epochs", "0"], "fairsharp: --epochs must be at least 1, got 0" },
        { ["--steps", "-3"], "fairsharp: --steps must be at least 1, got -3" },
        { ["--device", "tpu"], "fairsharp: unknown device 'tpu' (expected cpu or cuda)" },
        { ["--protocol", "nope"], "fairsharp: --protocol: unknown value 'nope'; did you mean 'ffb'? (one of: ffb, fairmixup, tfs)" },
        { ["--sensitive", "height"], "fairsharp: unknown sensitive attribute 'height' for dataset 'german' (known: sex, age)" },
        { ["--dataset", "mnist"], "fairsharp: --dataset: unknown value 'mnist'; did you mean 'adult'? (one of: adult, compas, german, bank, credit, acs-income-ct, utkface)" },
        { ["--arch", "vgg"], "fairsharp: --arch: unknown value 'vgg'; did you mean 'mlp'? (one of: mlp, small-cnn, resnet18, resnet18-cifar)" },
        { ["--arch", "small-cnn"], "fairsharp: model 'small-cnn' cannot take inputs of shape [" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing(string[] change, string message)
    {
        var dir = Path.Combine(root, "bad");
        var args = new Dictionary<string, string>
        {
            ["--dataset"] = "german", ["--sensitive"] = "sex", ["--method"] = "erm", ["--steps"] = "2", ["--out"] = dir,
        };
        for (var i = 0; i < change.Length; i += 2)
        {
            args[change[i]] = change[i + 1];
        }

        var (exit, output, error) = CliRunner.Run(["train", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        exit.ShouldBe(ExitCodes.BadInput);
        output.ShouldBeEmpty();
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        error.TrimEnd().ShouldStartWith(message);
        Directory.GetFileSystemEntries(root).ShouldBeEmpty();
    }

    [Fact]
    public void A_non_empty_output_directory_exits_2_and_is_left_untouched()
    {
        var dir = Path.Combine(root, "busy");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "keep");
        var (exit, _, error) = CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex", "--steps", "2", "--out", dir);
        exit.ShouldBe(ExitCodes.BadInput);
        error.TrimEnd().ShouldBe($"fairsharp: --out '{dir}' already exists and is not empty (choose another --out or remove it)");
        Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).ShouldBe(["notes.txt"]);
        Directory.GetFileSystemEntries(root).Length.ShouldBe(1);
    }

    [Fact]
    public void Missing_required_options_are_usage_errors()
    {
        var (exit, _, error) = CliRunner.Run("train", "--dataset", "german", "--sensitive", "sex");
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldContain("--out");
        TrainingRun.ResultFile.ShouldBe("result.json");
    }
}
