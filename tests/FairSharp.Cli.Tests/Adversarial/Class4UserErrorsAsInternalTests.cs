using System.Text.Json.Nodes;
using FairSharp.Cli.Audit;
using FairSharp.Cli.Safety;
using FairSharp.Experiments;
using FairSharp.Experiments.Sweeps;
using FairSharp.Training.Checkpoints;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>Class 4, "user errors reported as internal errors": every mistake in a file or a flag is exit 2 with one
/// line in FairSharp's words (file, line, column, problem), never exit 1 or a .NET text.</summary>
public sealed class Class4UserErrorsAsInternalTests : IDisposable
{
    private readonly Hostile _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("y,p,g\n1,0.9,a\n0,0.2,b\"x\n", 3, "g", "a '\"' inside an unquoted field (quote the whole field and double the inner quote)")]
    [InlineData("y,p,g\n1,0.9,a\n0,\"0.2\"x,b\n", 3, "p", "text after the closing quote of a quoted field")]
    [InlineData("y,p,g\n1,0.9,a\n0,0.2,\"b\n1,0.3,c\n", 3, "g", "a quoted field is never closed (a '\"' is missing)")]
    public void Csv_quoting_errors_name_file_line_column_and_problem(string text, int line, string column, string problem)
    {
        var file = _h.Write("bad.csv", text);
        Hostile.Refuses(Hostile.Audit(file), Hostile.F(CliErrors.BadCsv, file, line, column, problem), _h.Root);
    }

    [Fact]
    public void A_folder_as_input_is_not_file_not_found() =>
        Hostile.Refuses(Hostile.Audit(_h.Root), Hostile.F(CliErrors.IsFolder, _h.Root), _h.Root);

    [Fact]
    public void An_unreadable_file_says_why()
    {
        // /proc/self/mem exists and opens, but reading it from offset 0 fails with an I/O error.
        const string file = "/proc/self/mem";
        var (exit, output, error) = CliRunner.Run(Hostile.Audit(file));
        exit.ShouldBe(ExitCodes.BadInput, error);
        output.ShouldBeEmpty();
        error.ShouldStartWith($"fairsharp: {file}: cannot read the file (");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_reading_with_the_numbers()
    {
        var file = _h.PathOf("huge.csv");
        using (var stream = File.Create(file))
        {
            stream.SetLength((2L << 30) + 5); // sparse: no disk used
        }

        Hostile.Refuses(Hostile.Audit(file), Hostile.F(CliErrors.TooLarge, file, "2 GiB", (2L << 30) + 5, "1 GiB", InputFile.DefaultMaxBytes), _h.Root);
    }

    [Fact]
    public void Too_many_groups_in_one_column_are_refused_with_the_count()
    {
        var rows = Enumerable.Range(0, AuditCsvReader.MaxGroups + 1).Select(i => $"{i % 2},0.5,id{i}");
        var file = _h.Write("ids.csv", "y,p,g\n" + string.Join("\n", rows) + "\n");
        Hostile.Refuses(Hostile.Audit(file),
            Hostile.F(CliErrors.TooManyGroups, file, "g", $"more than {AuditCsvReader.MaxGroups}", $"g > {AuditCsvReader.MaxGroups}", AuditCsvReader.MaxGroups), _h.Root);
    }

    [Fact]
    public void Intersectional_combinations_beyond_the_limit_are_refused_with_the_product()
    {
        var rows = Enumerable.Range(0, 101).Select(i => $"{i % 2},0.5,a{i},b{(i * 7) % 101}");
        var file = _h.Write("inter.csv", "y,p,g,h\n" + string.Join("\n", rows) + "\n");
        Hostile.Refuses(["audit", "--input", file, "--y-true", "y", "--score", "p", "--sensitive", "g,h"],
            Hostile.F(CliErrors.TooManyGroups, file, "g,h", 10201, "g 101 × h 101", AuditCsvReader.MaxGroups), _h.Root);
    }

    /// <summary>A model folder with a manifest edited by hand; model.bin is a placeholder (the manifest is read first).</summary>
    private string ModelFolder(Action<JsonObject> edit)
    {
        var folder = _h.PathOf("model");
        var manifest = new JsonObject
        {
            ["format"] = ModelManifest.CurrentFormat,
            ["model"] = new JsonObject { ["architecture"] = "mlp", ["input_shape"] = new JsonArray(57), ["hidden"] = new JsonArray(8), ["dropout"] = 0.0 },
            ["config"] = new JsonObject { ["dataset"] = "german" },
            ["data"] = new JsonObject { ["train_rows"] = 400 },
            ["seed"] = 0,
            ["chosen_epoch"] = 0,
            ["weight_layers"] = new JsonArray("hidden0", "output"),
            ["stitch_points"] = new JsonArray(),
        };
        edit(manifest);
        _h.Write("model/manifest.json", manifest.ToJsonString());
        _h.Write("model/model.bin", "not weights");
        return folder;
    }

    public static TheoryData<string, string> ManifestDefects => new()
    {
        { "config", "no 'config'" },
        { "data", "no 'data'" },
        { "config,data", "no 'config', 'data'" },
    };

    [Theory]
    [MemberData(nameof(ManifestDefects))]
    public void Stitch_on_a_manifest_without_config_or_data_names_what_is_missing(string keys, string reason)
    {
        var model = ModelFolder(m =>
        {
            foreach (var key in keys.Split(','))
            {
                m.Remove(key);
            }
        });
        var manifest = Path.Combine(model, ModelCheckpoint.ManifestFile);
        Hostile.Refuses(["stitch", "--backbone", model, "--epochs", "1", "--out", _h.PathOf("out")], Hostile.F(ModelCheckpoint.BadManifest, manifest, reason), model);
    }

    [Fact]
    public void Rationale_on_a_manifest_without_data_names_it()
    {
        var model = ModelFolder(m => m.Remove("data"));
        var manifest = Path.Combine(model, ModelCheckpoint.ManifestFile);
        Hostile.Refuses(["rationale", "--model", model], Hostile.F(ModelCheckpoint.BadManifest, manifest, "no 'data'"), model);
    }

    [Fact]
    public void A_manifest_with_unusable_widths_is_refused_before_libtorch_sees_it()
    {
        var model = ModelFolder(m => m["model"]!["hidden"] = new JsonArray(0, -3));
        var manifest = Path.Combine(model, ModelCheckpoint.ManifestFile);
        Hostile.Refuses(["stitch", "--backbone", model, "--epochs", "1", "--out", _h.PathOf("out")],
            Hostile.F(ModelCheckpoint.BadManifest, manifest, "model 'mlp' needs positive layer widths, got [0,-3]"), model);
    }

    [Fact]
    public void A_manifest_that_is_not_json_says_where()
    {
        var model = ModelFolder(_ => { });
        var manifest = _h.Write("model/manifest.json", "{\"format\": ");
        Hostile.Refuses(["rationale", "--model", model], Hostile.F(ModelCheckpoint.BadManifest, manifest, "invalid JSON at line 1, character 12"), model);
    }

    [Theory]
    [InlineData("train", "--lr", "abc", "a number")]
    [InlineData("train", "--seed", "1.5", "an integer")]
    [InlineData("train", "--epochs", "many", "an integer")]
    [InlineData("audit", "--threshold", "half", "a number")]
    [InlineData("sweep", "--jobs", "two", "an integer")]
    [InlineData("report", "--confidence", "high", "a number")]
    public void A_value_of_the_wrong_type_names_the_flag_not_a_dotnet_type(string command, string option, string value, string expected)
    {
        string[] args = command switch
        {
            "train" => ["train", "--dataset", "german", "--sensitive", "sex", "--out", _h.PathOf("out")],
            "audit" => Hostile.Audit(_h.AuditCsv()),
            "sweep" => ["sweep", "--out", _h.PathOf("out")],
            _ => ["report", "--in", _h.PathOf("none")],
        };
        Hostile.Refuses([.. args, option, value], Hostile.F(UsageText.BadValue, option, value, expected), _h.Root);
    }

    [Fact]
    public void A_damaged_plan_file_says_where_not_what_dotnet_thought()
    {
        var folder = _h.SweepFolder("s");
        var plan = _h.Write("s/plan.json", "{\"format\": 1, \"plan_id\": ");
        Hostile.Refuses(["report", "--in", folder], Hostile.F(ExperimentErrors.BadPlanFile, plan, "invalid JSON at line 1, character 26"), folder);
    }

    [Fact]
    public void A_trial_spec_that_is_not_json_is_refused_in_words()
    {
        var spec = _h.Write("spec.json", "[1,2]");
        Hostile.Refuses(["trial", "--spec", spec], $"{spec}: not a trial spec (not the expected JSON object)", _h.Root);
    }
}
