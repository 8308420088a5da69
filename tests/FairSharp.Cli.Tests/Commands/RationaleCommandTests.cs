using System.Text.Json;

namespace FairSharp.Cli.Tests.Commands;

public sealed class RationaleCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-rationale-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Compares_two_trained_models_per_layer_and_writes_json_markdown_and_plots()
    {
        var erm = Train("erm", "erm");
        var fairer = Train("fairer", "fairer");
        var outDir = Path.Combine(root, "rationale");
        var (exit, output, error) = CliRunner.Run("rationale", "--model", erm, "--model", fairer, "--partition", "label", "--threads", "1", "--out", outDir);
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("| erm | erm (eo) | – | sex=female\\|y=0 vs sex=male\\|y=0 |");
        output.ShouldContain("| fairer | fairer (eo) | align_norm_weights=true lambda=0.5 lambda_align=0.01 pairing=all-pairs passes=shared |");
        output.ShouldContain("reconstruction");
        Directory.GetFiles(outDir).Select(Path.GetFileName).Order()
            .ShouldBe(["rationale.json", "rationale.md", "rationale.png", "rationale.svg"]);
        new FileInfo(Path.Combine(outDir, "rationale.png")).Length.ShouldBeGreaterThan(10_000);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "rationale.json")));
        var models = json.RootElement.GetProperty("models");
        models.GetArrayLength().ShouldBe(2);
        json.RootElement.GetProperty("partition").GetString().ShouldBe("by_group_within_label");
        var report = models[1].GetProperty("report");
        report.GetProperty("pairs").GetArrayLength().ShouldBe(2);
        var layers = report.GetProperty("pairs")[0].GetProperty("layers");
        layers.GetArrayLength().ShouldBe(4); // FFB's MLP: 512-256-64 hidden layers and the 1-neuron head
        layers[3].GetProperty("constant_cosine").GetBoolean().ShouldBeTrue();
        layers[3].GetProperty("cosine").GetDouble().ShouldBe(1.0);
        layers[2].GetProperty("constant_cosine").GetBoolean().ShouldBeFalse();
        layers[0].GetProperty("cosine").GetDouble().ShouldBeInRange(0.0, 1.0);
        layers[0].GetProperty("difference").GetProperty("max").GetDouble().ShouldBeInRange(0.0, 1.0);
    }

    [Fact]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing()
    {
        var missing = Path.Combine(root, "nowhere");
        Expect(["rationale", "--model", missing], $"fairsharp: model folder '{missing}' not found");

        var empty = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;
        Expect(["rationale", "--model", empty],
            $"fairsharp: {Path.Combine(empty, "manifest.json")}: file not found (a model folder holds model.bin and manifest.json)");

        var model = Train("erm", "erm");
        Expect(["rationale", "--model", model, "--split", "holdout"], "fairsharp: unknown split 'holdout' (expected train, validation or test)");
        Expect(["rationale", "--model", model, "--partition", "cells"], "fairsharp: unknown partition 'cells' (expected group or label)");
        Expect(["rationale", "--model", model, "--influence", "shap"], "fairsharp: unknown influence 'shap' (expected weight or activation)");
        Expect(["rationale", "--model", model, "--max-rows", "0"], "fairsharp: max rows per stratum must be >= 1, got 0");
        Expect(["rationale"], "fairsharp: Option '--model' is required.");

        var full = Directory.CreateDirectory(Path.Combine(root, "full")).FullName;
        File.WriteAllText(Path.Combine(full, "keep.txt"), "x");
        Expect(["rationale", "--model", model, "--out", full],
            $"fairsharp: --out '{full}' already exists and is not empty (choose another --out or remove it)");
        Directory.GetFiles(full).Select(Path.GetFileName).ShouldBe(["keep.txt"]);
        Directory.GetDirectories(root).Select(Path.GetFileName).Order().ShouldBe(["empty", "erm", "full"]);
    }

    private static void Expect(string[] args, string message)
    {
        var (exit, output, error) = CliRunner.Run(args);
        exit.ShouldBe(ExitCodes.BadInput, error);
        output.ShouldBeEmpty();
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
        error.TrimEnd().ShouldBe(message);
    }

    private string Train(string name, string method)
    {
        var dir = Path.Combine(root, name);
        string[] lambda = method == "erm" ? [] : ["--lambda", "0.5"];
        var (exit, _, error) = CliRunner.Run(["train", "--dataset", "german", "--sensitive", "sex", "--method", method, "--constraint", "eo",
            .. lambda, "--steps", "3", "--batch-size", "16", "--threads", "1", "--seed", "1", "--out", dir]);
        exit.ShouldBe(ExitCodes.Success, error);
        return dir;
    }
}
