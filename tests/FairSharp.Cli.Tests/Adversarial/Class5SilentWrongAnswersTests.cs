using System.Text;
using System.Text.Json;
using FairSharp.Cli.Audit;
using FairSharp.Cli.Commands;
using FairSharp.Cli.Safety;
using FairSharp.Metrics;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>Class 5, "silent wrong answers": input that would give a plausible but wrong result is refused (exit 2,
/// one line) or read correctly; never guessed.</summary>
public sealed class Class5SilentWrongAnswersTests : IDisposable
{
    private readonly Hostile _h = new();

    public void Dispose() => _h.Dispose();

    private static JsonElement Ok(string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        exit.ShouldBe(ExitCodes.Success, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void A_duplicated_column_name_is_refused_not_resolved_to_the_first()
    {
        var file = _h.Write("dup.csv", "y,p,g,p\n1,0.9,a,0.1\n0,0.2,b,0.8\n");
        Hostile.Refuses(Hostile.Audit(file), Hostile.F(CliErrors.DuplicateColumn, file, "p", 2, 4), _h.Root);
    }

    [Fact]
    public void A_duplicated_column_that_is_not_used_is_harmless()
    {
        var file = _h.Write("dup.csv", "y,p,g,note,note\n1,0.9,a,x,y\n0,0.2,b,x,y\n");
        Ok(Hostile.Audit(file)).GetProperty("rows").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Sensitive_given_twice_is_refused_as_train_refuses_it() =>
        Hostile.Refuses(["audit", "--input", _h.AuditCsv(), "--y-true", "y", "--score", "p", "--sensitive", "g,g"], Hostile.F(CliErrors.DuplicateSensitive, "g"), _h.Root);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private const string Accented = "y,p,g\n1,0.9,Zoë\n0,0.2,Zoë\n1,0.6,José\n0,0.4,José\n";

    [Fact]
    public void Latin1_bytes_without_an_encoding_are_refused_with_their_line()
    {
        var file = _h.WriteBytes("latin1.csv", Latin1(Accented));
        Hostile.Refuses(Hostile.Audit(file), Hostile.F(CliErrors.NotUtf8, file, 2, 15), _h.Root);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    public void Latin1_with_its_encoding_reads_the_names_right(string encoding)
    {
        var file = _h.WriteBytes("latin1.csv", Latin1(Accented));
        var groups = Ok(Hostile.Audit(file, "--encoding", encoding)).GetProperty("by_group");
        groups.TryGetProperty("Zoë", out _).ShouldBeTrue();
        groups.TryGetProperty("José", out _).ShouldBeTrue();
    }

    public static TheoryData<string, byte[]> Unicode => new()
    {
        { "utf-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Accented)] },
        { "utf-8 without BOM", Encoding.UTF8.GetBytes(Accented) },
        { "utf-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Accented)] },
        { "utf-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Accented)] },
    };

    [Theory]
    [MemberData(nameof(Unicode))]
    public void Unicode_files_are_read_from_their_byte_order_mark(string name, byte[] bytes)
    {
        var file = _h.WriteBytes("u.csv", bytes);
        var json = Ok(Hostile.Audit(file));
        json.GetProperty("rows").GetInt32().ShouldBe(4, name);
        json.GetProperty("by_group").EnumerateObject().Select(p => p.Name).ShouldBe(["José", "Zoë"], name);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_refused_with_a_hint()
    {
        var file = _h.WriteBytes("u16.csv", Encoding.Unicode.GetBytes(Accented));
        Hostile.Refuses(Hostile.Audit(file), Hostile.F(CliErrors.NulBytes, file, 1), _h.Root);
    }

    [Fact]
    public void An_unknown_encoding_is_refused() =>
        Hostile.Refuses(Hostile.Audit(_h.AuditCsv(), "--encoding", "klingon"), Hostile.F(CliErrors.UnknownEncoding, "klingon"), _h.Root);

    [Fact]
    public void A_group_value_holding_the_intersectional_separator_is_refused()
    {
        var file = _h.Write("sep.csv", "y,p,a,b\n1,0.9,\"F, x\",y\n0,0.2,F,\"x, y\"\n1,0.3,M,y\n");
        Hostile.Refuses(["audit", "--input", file, "--y-true", "y", "--score", "p", "--sensitive", "a,b"],
            Hostile.F(CliErrors.SeparatorInValue, file, 2, "a", "F, x", GroupLabels.Separator), _h.Root);
    }

    [Fact]
    public void The_separator_in_a_single_sensitive_column_is_just_a_name()
    {
        var file = _h.Write("sep.csv", "y,p,g\n1,0.9,\"F, x\"\n0,0.2,\"F, x\"\n1,0.3,M\n0,0.6,M\n");
        Ok(Hostile.Audit(file)).GetProperty("by_group").TryGetProperty("F, x", out _).ShouldBeTrue();
    }

    [Fact]
    public void A_group_with_zero_total_weight_is_refused_not_called_a_collapsed_classifier()
    {
        var file = _h.Write("w.csv", "y,p,g,w\n1,0.9,a,1\n0,0.2,a,2\n1,0.7,b,0\n0,0.4,b,0\n");
        Hostile.Refuses(Hostile.Audit(file, "--weights", "w"), Hostile.F(CliErrors.ZeroWeightGroup, file, "w", "b", 2), _h.Root);
    }

    [Fact]
    public void Bootstrap_below_zero_names_the_flag() =>
        Hostile.Refuses(Hostile.Audit(_h.AuditCsv(), "--bootstrap", "-5"), Hostile.F(CliErrors.BadBootstrap, -5), _h.Root);

    [Theory]
    [InlineData("--lambdas", "0.1,,0.3", 2)]
    [InlineData("--lambdas", "0.1,0.3,", 3)]
    [InlineData("--methods", "erm,,gapreg", 2)]
    [InlineData("--sensitive", ",sex", 1)]
    [InlineData("--stitch-layers", "0,,1", 2)]
    public void An_empty_list_item_is_refused_not_dropped(string option, string value, int item)
    {
        var folder = _h.PathOf("out");
        Hostile.Refuses(["sweep", "--dataset", "german", "--out", folder, option, value], Hostile.F(CliErrors.EmptyItem, option, item, value), _h.Root);
    }

    [Fact]
    public void Train_refuses_an_empty_sensitive_item_too() =>
        Hostile.Refuses(["train", "--dataset", "german", "--sensitive", "sex,,age", "--out", _h.PathOf("out")], Hostile.F(CliErrors.EmptyItem, "--sensitive", 2, "sex,,age"), _h.Root);

    [Fact]
    public void A_nan_metric_is_flagged_in_the_record_counted_in_summary_and_named_in_the_report()
    {
        var folder = _h.SweepFolder("s", record: c => c is { Method: "gapreg", Seed: 1 } ? Hostile.WithMetrics(c, double.NaN, 0.05) : Hostile.Record(c));
        var (exit, _, error) = CliRunner.Run("report", "--in", folder, "--bootstrap", "100");
        exit.ShouldBe(ExitCodes.Success, error);
        var nan = new Experiments.Sweeps.TrialStore(folder).Read().Records.Single(r => r.Config is { Method: "gapreg", Seed: 1 });
        nan.NonFiniteMetrics.ShouldBe(["accuracy"]);
        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        var header = summary[0].Split(',');
        var gapreg = summary.Single(l => l.StartsWith("gapreg,", StringComparison.Ordinal)).Split(',');
        gapreg[Array.IndexOf(header, "seeds")].ShouldBe("2");
        gapreg[Array.IndexOf(header, "non_finite")].ShouldBe("1");
        summary.Single(l => l.StartsWith("erm,", StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, "non_finite")].ShouldBe("0");
        File.ReadAllText(Path.Combine(folder, "report.md")).ShouldContain($"| {nan.Id} | gapreg | 1 | 1 | accuracy = NaN |");
    }
}
