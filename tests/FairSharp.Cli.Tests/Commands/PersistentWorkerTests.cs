using System.Diagnostics;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Commands;

/// <summary>
/// Real <c>fairsharp</c> sweeps on German (one epoch): persistent workers give exactly the records of one process per
/// trial, and <c>--retry-failed</c> re-runs a trial recorded as failed to the same result, keeping the failure in the
/// report's history.
/// </summary>
public sealed class PersistentWorkerTests
{
    private static readonly string[] Arguments =
    [
        "sweep", "--dataset", "german", "--sensitive", "sex", "--methods", "erm,gapreg,fairer", "--lambdas", "0.3,3",
        "--seeds", "2", "--epochs", "1", "--jobs", "2",
    ];

    private static async Task<string> Sweep(string folder, params string[] extra)
    {
        var worker = WorkerLocator.Current();
        var info = new ProcessStartInfo(worker.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in worker.PrefixArguments.Concat(Arguments).Concat(extra).Concat(["--out", folder]))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await stderr);
        _ = await stdout;
        return await stderr;
    }

    /// <summary>A record without its timings, as one JSON line: everything a trial's result is.</summary>
    private static string Result(TrialRecord r) => TrialStore.Serialize(r with { Timings = new TrialTimings(0, 0) });

    [Fact]
    public async Task Persistent_workers_give_the_records_of_one_process_per_trial_and_retry_failed_restores_a_failed_trial()
    {
        var root = Directory.CreateTempSubdirectory("fairsharp-workers-").FullName;
        try
        {
            var persistent = Path.Combine(root, "persistent");
            var fresh = Path.Combine(root, "fresh");
            await Sweep(persistent);
            await Sweep(fresh, "--fresh-workers");
            var a = new TrialStore(persistent).Read().Records;
            var b = new TrialStore(fresh).Read().Records;
            a.Count.ShouldBe(10);
            a.ShouldAllBe(r => r.Status == TrialStatus.Ok);
            a.Select(Result).Order().ShouldBe(b.Select(Result).Order(), "trial by trial, bitwise");
            a.Select(r => r.Metrics["average_precision"]).Distinct().Count().ShouldBeGreaterThan(1, "trials differ from each other");

            // Force a failure: the record of one trial becomes a failed attempt, as if its training had thrown.
            var store = new TrialStore(persistent);
            var victim = a.First(r => r.Config.Method == "fairer");
            var lines = File.ReadAllLines(store.FilePath).Where(l => !l.Contains(victim.Id, StringComparison.Ordinal))
                .Append(TrialStore.Serialize(TrialRecord.From(victim.Config, TrialOutcome.Unfinished(TrialStatus.Failed, "IOException: No space left on device"), new TrialTimings(0, 0))));
            File.WriteAllText(store.FilePath, string.Concat(lines.Select(l => l + "\n")));

            (await Sweep(persistent)).ShouldContain("0 trials run (0 failed or diverged), 10 already done");
            var log = await Sweep(persistent, "--retry-failed");
            log.ShouldContain("1 trials run (0 failed or diverged), 9 already done");
            var retried = new TrialStore(persistent).Read();
            retried.Records.Select(Result).Order().ShouldBe(b.Select(Result).Order());
            retried.Superseded.ShouldHaveSingleItem().Error.ShouldBe("IOException: No space left on device");
            File.ReadAllText(Path.Combine(persistent, "report.md"))
                .ShouldContain($"| {victim.Id} | fairer | {victim.Config.Lambda} | {victim.Config.Seed} | failed: IOException: No space left on device | ok |");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
