using System.Diagnostics;
using FairSharp.Cli.Commands;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Tests.Commands;

/// <summary>
/// A sweep killed (SIGKILL, no graceful stop) after k trials and run again ends with exactly the trials of an
/// uninterrupted run, with identical metrics, and no line of trials.jsonl is truncated or duplicated. German with one
/// epoch keeps every trial short. The killed sweep records two trials and then holds
/// (<see cref="SweepCommand.HoldAfterVariable"/>) with its workers alive, so that the kill lands at the same point
/// however fast the machine is.
/// </summary>
public sealed class SweepResumeTests
{
    private static readonly string[] Arguments =
    [
        "sweep", "--dataset", "german", "--sensitive", "sex", "--methods", "erm,gapreg", "--lambdas", "1",
        "--seeds", "2", "--epochs", "1", "--jobs", "2",
    ];

    private static Process Start(string folder, int? holdAfter = null)
    {
        var worker = WorkerLocator.Current();
        var info = new ProcessStartInfo(worker.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (holdAfter is { } n)
        {
            info.Environment[SweepCommand.HoldAfterVariable] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var a in worker.PrefixArguments.Concat(Arguments).Concat(["--out", folder]))
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    private static int CompleteLines(string folder)
    {
        var path = Path.Combine(folder, TrialStore.FileName);
        return File.Exists(path) ? File.ReadAllText(path).Count(c => c == '\n') : 0;
    }

    [Fact]
    public async Task A_killed_sweep_resumes_to_exactly_the_uninterrupted_result()
    {
        var root = Directory.CreateTempSubdirectory("fairsharp-resume-").FullName;
        try
        {
            var whole = Path.Combine(root, "whole");
            var killed = Path.Combine(root, "killed");

            using (var uninterrupted = Start(whole))
            {
                var stdout = uninterrupted.StandardOutput.ReadToEndAsync();
                var stderr = uninterrupted.StandardError.ReadToEndAsync();
                await uninterrupted.WaitForExitAsync();
                uninterrupted.ExitCode.ShouldBe(0, await stderr);
                (await stdout).ShouldContain("| gapreg ");
            }

            using (var victim = Start(killed, holdAfter: 2))
            {
                _ = victim.StandardOutput.ReadToEndAsync();
                _ = victim.StandardError.ReadToEndAsync();
                var clock = Stopwatch.StartNew();
                while (CompleteLines(killed) < 2 && !victim.HasExited && clock.Elapsed < TimeSpan.FromMinutes(5))
                {
                    await Task.Delay(20);
                }

                victim.HasExited.ShouldBeFalse("the sweep must still be running when it is killed");
                victim.Kill(entireProcessTree: false);
                await victim.WaitForExitAsync();
            }

            var partial = new TrialStore(killed).Read();
            partial.Records.Count.ShouldBe(2);

            using (var resumed = Start(killed))
            {
                var stderr = resumed.StandardError.ReadToEndAsync();
                _ = resumed.StandardOutput.ReadToEndAsync();
                await resumed.WaitForExitAsync();
                resumed.ExitCode.ShouldBe(0, await stderr);
                (await stderr).ShouldContain($"already done");
            }

            var expected = new TrialStore(whole).Read();
            var actual = new TrialStore(killed).Read();
            expected.Records.Count.ShouldBe(4);
            actual.IgnoredLines.ShouldBe(0, "no truncated line");
            actual.DuplicateLines.ShouldBe(0, "no trial recorded twice");
            File.ReadAllText(new TrialStore(killed).FilePath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4);
            actual.Records.Select(r => r.Id).Order().ShouldBe(expected.Records.Select(r => r.Id).Order());
            foreach (var record in expected.Records)
            {
                var other = actual.Records.Single(r => r.Id == record.Id);
                other.Status.ShouldBe(record.Status);
                other.Metrics.ShouldBe(record.Metrics, $"metrics of trial {record.Id}");
                other.ChosenEpoch.ShouldBe(record.ChosenEpoch);
            }

            File.ReadAllText(Path.Combine(killed, "report.md")).ShouldBe(File.ReadAllText(Path.Combine(whole, "report.md")));
            Directory.Exists(Path.Combine(killed, SweepRunner.WorkFolder)).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
