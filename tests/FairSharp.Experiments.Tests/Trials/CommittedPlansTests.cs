using System.Text.Json;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;

namespace FairSharp.Experiments.Tests.Trials;

/// <summary>The sweeps committed under results/ must still resume: planning their options again with today's registry
/// gives the trial ids of their plan.json and of their trials.jsonl records.</summary>
public sealed class CommittedPlansTests
{
    private static string Results()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairSharp.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("no FairSharp.slnx above the test folder"), "results");
    }

    [Fact]
    public void Every_committed_plan_is_planned_again_with_the_same_trial_ids()
    {
        var plans = Directory.GetFiles(Results(), PlanFile.FileName, SearchOption.AllDirectories);
        plans.Length.ShouldBeGreaterThanOrEqualTo(2);
        var catalog = new TrainingTrialRunner().Catalog;
        foreach (var path in plans)
        {
            var document = PlanFile.Read(path);
            var plan = SweepPlan.Create(document.Options, catalog);
            plan.Trials.Select(t => t.Id).ShouldBe(document.Trials.Select(t => t.Id), path);
            plan.Id.ShouldBe(document.PlanId, path);
            var records = Path.Combine(Path.GetDirectoryName(path)!, TrialStore.FileName);
            if (File.Exists(records))
            {
                var ids = plan.Trials.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
                var stored = File.ReadLines(records).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
                stored.ShouldNotBeEmpty(records);
                foreach (var record in stored)
                {
                    var id = record.GetProperty("id").GetString()!;
                    ids.ShouldContain(id, records);
                    record.GetProperty("config").Deserialize<TrialConfig>(SweepJson.Canonical)!.Id.ShouldBe(id, records);
                }
            }
        }
    }
}
