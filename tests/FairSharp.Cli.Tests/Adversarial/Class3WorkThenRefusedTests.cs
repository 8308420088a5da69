using FairSharp.Cli.Safety;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>Class 3, "work done, then refused": every command that writes checks its output location before any
/// work, so a location it cannot write is exit 2 naming --out, with nothing trained and nothing written.</summary>
public sealed class Class3WorkThenRefusedTests : IDisposable
{
    private readonly Hostile _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>Each command with everything else valid enough to start work; the --out value is appended.</summary>
    private string[] Command(string name) => name switch
    {
        "train" => ["train", "--dataset", "german", "--sensitive", "sex", "--steps", "2", "--threads", "1"],
        "stitch" => ["stitch", "--backbone", _h.PathOf("no-backbone"), "--epochs", "1"],
        "rationale" => ["rationale", "--model", _h.PathOf("no-model")],
        "sweep" => ["sweep", "--dataset", "german", "--methods", "erm", "--seeds", "1", "--epochs", "1", "--jobs", "1"],
        "report" => ["report", "--in", _h.SweepFolder("sweep")],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static TheoryData<string> Commands => new() { "train", "stitch", "rationale", "sweep", "report" };

    public static TheoryData<string> NewFolderCommands => new() { "train", "stitch", "rationale" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_path_on_a_read_only_pseudo_file_system(string command)
    {
        const string target = "/proc/fairsharp-out";
        Hostile.Refuses([.. Command(command), "--out", target], Hostile.F(CliErrors.OutputNotWritable, "--out", target, "/proc", "the folder does not take new files"), _h.Root);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_path_under_a_file(string command)
    {
        var file = _h.Write("notes.txt", "keep");
        var target = Path.Combine(file, "out");
        Hostile.Refuses([.. Command(command), "--out", target], Hostile.F(CliErrors.OutputUnderFile, "--out", target, file), _h.Root);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_read_only_folder(string command)
    {
        var folder = _h.ReadOnlyFolder();
        var target = Path.Combine(folder, "out");
        Hostile.Refuses([.. Command(command), "--out", target], Hostile.F(CliErrors.OutputNotWritable, "--out", target, folder, "permission denied"), _h.Root);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_existing_file(string command)
    {
        var file = _h.Write("result.json", "{}");
        Hostile.Refuses([.. Command(command), "--out", file], Hostile.F(CliErrors.OutputIsFile, "--out", file), _h.Root);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_empty_string(string command) =>
        Hostile.Refuses([.. Command(command), "--out", ""], Hostile.F(CliErrors.OutputEmpty, "--out"), _h.Root);

    [Theory]
    [MemberData(nameof(NewFolderCommands))]
    public void A_folder_that_is_not_empty(string command)
    {
        var folder = _h.PathOf("busy");
        _h.Write("busy/notes.txt", "keep");
        Hostile.Refuses([.. Command(command), "--out", folder], Hostile.F(CliErrors.OutputNotEmpty, "--out", folder), _h.Root);
    }

    public static TheoryData<string> FileCommands => new() { "predict", "export" };

    private string[] FileCommand(string name) => name switch
    {
        "predict" => ["predict", "--model", _h.PathOf("no-model"), "--input", _h.AuditCsv()],
        _ => ["export", "--model", _h.PathOf("no-model")],
    };

    [Theory]
    [MemberData(nameof(FileCommands))]
    public void A_file_output_that_cannot_be_written(string command)
    {
        Hostile.Refuses([.. FileCommand(command), "--out", ""], Hostile.F(CliErrors.OutputEmpty, "--out"), _h.Root);
        Hostile.Refuses([.. FileCommand(command), "--out", _h.Root], Hostile.F(CliErrors.OutputIsFolder, "--out", _h.Root), _h.Root);
        var file = _h.Write("notes.txt", "keep");
        var under = Path.Combine(file, "sub", "out.csv");
        Hostile.Refuses([.. FileCommand(command), "--out", under], Hostile.F(CliErrors.OutputUnderFile, "--out", under, file), _h.Root);
        Hostile.Refuses([.. FileCommand(command), "--out", "/proc/fairsharp.out"],
            Hostile.F(CliErrors.OutputNotWritable, "--out", "/proc/fairsharp.out", "/proc", "the folder does not take new files"), _h.Root);
    }
}
