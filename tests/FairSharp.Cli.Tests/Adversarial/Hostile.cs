using System.Globalization;
using System.Security.Cryptography;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>
/// The hostile user's toolbox: a scratch root, fixtures written as code (CSV files, sweep folders with hand-made
/// records), and the one assertion of the contract (exit code, the exact single line on stderr, nothing on stdout,
/// the output location untouched).
/// </summary>
internal sealed class Hostile : IDisposable
{
    public Hostile() => Root = Directory.CreateTempSubdirectory("fairsharp-hostile-").FullName;

    public string Root { get; }

    /// <summary>Runs as root? Then folder permissions do not stop writes and a read-only folder must be one the
    /// kernel refuses (sysfs).</summary>
    public static bool IsRoot => Environment.UserName == "root";

    public void Dispose()
    {
        foreach (var dir in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(Root, recursive: true);
    }

    /// <summary>A folder nobody may create files in: a read-only (r-x) folder of ours, or sysfs when running as root.</summary>
    public string ReadOnlyFolder()
    {
        if (IsRoot || OperatingSystem.IsWindows())
        {
            return "/sys";
        }

        var folder = PathOf("locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return folder;
    }

    /// <summary>The repository's bundled data folder (found upwards from the test binaries).</summary>
    public static string RepoData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "german", "german.data")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new InvalidOperationException("no data/german/german.data above " + AppContext.BaseDirectory);
    }

    /// <summary>A copy of the German data file under <c>data/</c> here, changed by <paramref name="change"/>.</summary>
    public string GermanCopy(Func<byte[], byte[]> change)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoData(), "german", "german.data"));
        Directory.CreateDirectory(PathOf("data/german"));
        File.WriteAllBytes(PathOf("data/german/german.data"), change(bytes));
        return PathOf("data");
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A small valid audit CSV: y, p (score), g (group), w (weight).</summary>
    public string AuditCsv(string name = "preds.csv") =>
        Write(name, "y,p,g,w\n1,0.9,a,1\n0,0.2,a,2\n1,0.7,b,1\n0,0.4,b,1\n1,0.3,b,2\n");

    public static string[] Audit(string file, params string[] more) =>
        ["audit", "--input", file, "--y-true", "y", "--score", "p", "--sensitive", "g", .. more];

    /// <summary>A sweep folder of German erm+gapreg (λ 1, 2 seeds, 1 epoch), holding the records of
    /// <paramref name="shard"/> (all when null), every record made up in code.</summary>
    public string SweepFolder(string name, ShardSpec? shard = null, Func<TrialConfig, TrialRecord>? record = null, SweepOptions? options = null)
    {
        var folder = PathOf(name);
        var plan = Plan(options);
        PlanFile.WriteOrCheck(folder, plan);
        var store = new TrialStore(folder);
        foreach (var trial in plan.Slice(shard ?? ShardSpec.All))
        {
            store.Append((record ?? Record)(trial));
        }

        return folder;
    }

    public static SweepOptions GermanOptions { get; } = new()
    {
        Dataset = "german", Methods = ["erm", "gapreg"], Lambdas = [1.0], Seeds = 2, Epochs = 1,
    };

    public static SweepPlan Plan(SweepOptions? options = null) => SweepPlan.Create(options ?? GermanOptions, new TrainingTrialRunner().Catalog);

    /// <summary>An ok record whose numbers depend on the trial, so that records of different trials differ.</summary>
    public static TrialRecord Record(TrialConfig config) => WithMetrics(config, 0.7 + 0.01 * config.Seed + 0.001 * config.Lambda, 0.1 - 0.02 * config.Lambda + 0.01 * config.Seed);

    public static TrialRecord WithMetrics(TrialConfig config, double accuracy, double gap)
    {
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = accuracy,
            ["demographic_parity_difference"] = gap,
            ["equalized_odds_difference"] = double.IsFinite(gap) ? gap * 1.5 : gap,
        };
        var byGroup = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["female"] = new Dictionary<string, double> { ["selection_rate"] = 0.3, ["accuracy"] = 0.7 },
            ["male"] = new Dictionary<string, double> { ["selection_rate"] = 0.3 + 0.1, ["accuracy"] = 0.72 },
        };
        return TrialRecord.From(config, new TrialOutcome(TrialStatus.Ok, metrics, byGroup, 1, null), new TrialTimings(1, 2));
    }

    /// <summary>Every file under <paramref name="path"/> (or the file itself) with a hash of its bytes; empty when
    /// nothing is there.</summary>
    public static IReadOnlyList<string> Snapshot(string path)
    {
        if (File.Exists(path))
        {
            return [$"{path} {Hash(path)}"];
        }

        if (!Directory.Exists(path))
        {
            return [];
        }

        return Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p) ? $"{Path.GetRelativePath(path, p)} {Hash(p)}" : Path.GetRelativePath(path, p) + "/")
            .Append(".")
            .ToArray();
    }

    /// <summary>The bytes' hash; for a file too large to hash quickly (a sparse giant), its length and time.</summary>
    private static string Hash(string file)
    {
        var info = new FileInfo(file);
        return info.Length > 64 << 20
            ? $"{info.Length}@{info.LastWriteTimeUtc.Ticks}"
            : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
    }

    /// <summary>The contract for bad input: exit 2, exactly <c>fairsharp: MESSAGE</c> on stderr, nothing on stdout,
    /// and <paramref name="untouched"/> exactly as before.</summary>
    public static void Refuses(string[] args, string message, params string[] untouched)
    {
        var before = untouched.Select(Snapshot).ToArray();
        var (exit, output, error) = CliRunner.Run(args);
        exit.ShouldBe(ExitCodes.BadInput, error);
        error.ShouldBe("fairsharp: " + message + Environment.NewLine);
        output.ShouldBeEmpty();
        for (var i = 0; i < untouched.Length; i++)
        {
            Snapshot(untouched[i]).ShouldBe(before[i], untouched[i]);
        }
    }

    public static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
