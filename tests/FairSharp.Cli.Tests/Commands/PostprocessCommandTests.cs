using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FairSharp.Cli.Tests.Commands;

/// <summary>train --data → postprocess → predict → audit, and the bad inputs of postprocess.</summary>
public sealed class PostprocessCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-postprocess-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>A seeded table where men get higher incomes and so more approvals: an unfair ERM to post-process.
    /// With <paramref name="womenAllNo"/> every woman is refused (a group with one label).</summary>
    private string Table(string name, int rows, int seed, bool womenAllNo = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder("income,sex,approved\n");
        for (var i = 0; i < rows; i++)
        {
            var sex = random.Next(2) == 0 ? "F" : "M";
            var income = (random.NextDouble() * 50) + (sex == "M" ? 15 : 0);
            var approved = !(womenAllNo && sex == "F") && income + (random.NextDouble() * 20) > 45;
            text.Append(CultureInfo.InvariantCulture, $"{income:F2},{sex},{(approved ? 1 : 0)}\n");
        }

        var path = Path.Combine(root, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private (string Model, string Test) Train(bool womenAllNoInValidation = false)
    {
        var model = Path.Combine(root, "erm");
        var test = Table("test.csv", 400, 3);
        var (exit, _, error) = CliRunner.Run(["train", "--train", Table("train.csv", 600, 1), "--valid", Table("valid.csv", 400, 2, womenAllNoInValidation),
            "--test", test, "--target", "approved", "--sensitive", "sex", "--steps", "30", "--threads", "1", "--out", model]);
        exit.ShouldBe(ExitCodes.Success, error);
        return (model, test);
    }

    [Theory]
    [InlineData("dp", "demographic_parity")]
    [InlineData("eo", "equalized_odds")]
    public void Postprocess_writes_a_model_folder_whose_predictions_reproduce_its_test_metrics_through_audit(string constraint, string name)
    {
        var (model, test) = Train();
        var post = Path.Combine(root, "post-" + constraint);
        var (exit, output, error) = CliRunner.Run("postprocess", "--model", model, "--constraint", constraint, "--seed", "5", "--out", post);
        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldStartWith($"thresholds for {constraint} chosen on 400 validation rows");
        Directory.GetFiles(post).Select(Path.GetFileName).Order().ShouldBe(["manifest.json", "model.bin", "preprocessing.json", "result.json", "thresholds.json"]);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(post, "manifest.json"))))
        {
            manifest.RootElement.GetProperty("files").GetProperty("thresholds.json").GetString().ShouldNotBeNullOrEmpty();
        }

        using var thresholds = JsonDocument.Parse(File.ReadAllText(Path.Combine(post, "thresholds.json")));
        thresholds.RootElement.GetProperty("constraint").GetString().ShouldBe(name);
        thresholds.RootElement.GetProperty("rules").EnumerateObject().Select(p => p.Name).ShouldBe(["sex=F", "sex=M"]);

        // test.csv is the test split in order, so predict with the same seed draws the same decisions as result.json.
        var decisions = Path.Combine(root, $"decisions-{constraint}.csv");
        var predict = CliRunner.Run("predict", "--model", post, "--input", test, "--out", decisions);
        predict.Exit.ShouldBe(ExitCodes.Success, predict.Err);
        predict.Out.ShouldContain($"per-group thresholds for {constraint}, seed 5");
        var audit = CliRunner.Run("audit", "--input", decisions, "--y-true", "approved", "--score", "prediction", "--threshold", "0.5", "--sensitive", "sex");
        audit.Exit.ShouldBe(ExitCodes.Success, audit.Err);
        using (var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(post, "result.json"))))
        {
            result.RootElement.GetProperty("method").GetString().ShouldBe("threshold");
            result.RootElement.GetProperty("source_method").GetString().ShouldBe("erm");
        }

        AuditMatch.ShouldReproduceTestMetrics(audit.Out, Path.Combine(post, "result.json"));
    }

    [Fact]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing()
    {
        var (model, test) = Train();
        var post = Path.Combine(root, "post");

        var missing = CliRunner.Run("postprocess", "--model", Path.Combine(root, "nowhere"), "--constraint", "dp", "--out", post);
        missing.Exit.ShouldBe(ExitCodes.BadInput);
        missing.Err.ShouldBe($"fairsharp: {Path.Combine(root, "nowhere", "manifest.json")}: file not found (a model folder holds model.bin and manifest.json)" + Environment.NewLine);

        var eopp = CliRunner.Run("postprocess", "--model", model, "--constraint", "eopp", "--out", post);
        eopp.Exit.ShouldBe(ExitCodes.BadInput);
        eopp.Err.ShouldContain("--constraint: unknown value 'eopp'");
        Directory.Exists(post).ShouldBeFalse();

        CliRunner.Run("postprocess", "--model", model, "--constraint", "dp", "--out", post).Exit.ShouldBe(ExitCodes.Success);
        var twice = CliRunner.Run("postprocess", "--model", post, "--constraint", "eo", "--out", Path.Combine(root, "twice"));
        twice.Exit.ShouldBe(ExitCodes.BadInput);
        twice.Err.ShouldBe($"fairsharp: {post}: the model is already post-processed (it has thresholds.json); post-process the model it came from" + Environment.NewLine);
        Directory.Exists(Path.Combine(root, "twice")).ShouldBeFalse();

        var noSex = Path.Combine(root, "nosex.csv");
        File.WriteAllText(noSex, "income,approved\n12.5,1\n");
        var decisions = Path.Combine(root, "decisions.csv");
        var withoutGroups = CliRunner.Run("predict", "--model", post, "--input", noSex, "--out", decisions);
        withoutGroups.Exit.ShouldBe(ExitCodes.BadInput);
        withoutGroups.Err.ShouldBe($"fairsharp: {noSex}: column 'sex' not found in the header" + Environment.NewLine);

        var unknownGroup = Path.Combine(root, "x.csv");
        File.WriteAllText(unknownGroup, "income,sex,approved\n12.5,F,1\n30,X,0\n");
        var unknown = CliRunner.Run("predict", "--model", post, "--input", unknownGroup, "--out", decisions);
        unknown.Exit.ShouldBe(ExitCodes.BadInput);
        unknown.Err.ShouldBe($"fairsharp: {unknownGroup}, line 3, column 'sex': group 'sex=X' is not one of the model's groups (a post-processed model needs every row in a known group)" + Environment.NewLine);

        var threshold = CliRunner.Run("predict", "--model", post, "--input", test, "--out", decisions, "--threshold", "0.3");
        threshold.Exit.ShouldBe(ExitCodes.BadInput);
        threshold.Err.ShouldBe($"fairsharp: --threshold does not apply to {post}: a post-processed model decides with its per-group thresholds (thresholds.json)" + Environment.NewLine);
        File.Exists(decisions).ShouldBeFalse();
    }

    [Fact]
    public void A_group_with_one_label_in_validation_exits_2()
    {
        var (model, _) = Train(womenAllNoInValidation: true);
        var post = Path.Combine(root, "post");
        var (exit, _, error) = CliRunner.Run("postprocess", "--model", model, "--constraint", "eo", "--out", post);
        exit.ShouldBe(ExitCodes.BadInput);
        error.ShouldMatch(@"^fairsharp: group 'sex=F' has only label 0 \(\d+ rows\): choosing its thresholds needs rows of both labels\r?\n$");
        Directory.Exists(post).ShouldBeFalse();
    }
}
