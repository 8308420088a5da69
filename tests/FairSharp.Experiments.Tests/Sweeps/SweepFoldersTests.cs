using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

public sealed class SweepFoldersTests
{
    private static string Shard(string root, int index, int count)
    {
        var folder = Path.Combine(root, $"shard-{index}");
        var plan = HandMadeSweep.Plan();
        PlanFile.WriteOrCheck(folder, plan);
        var store = new TrialStore(folder);
        foreach (var trial in plan.Slice(new ShardSpec(index, count)))
        {
            store.Append(HandMadeSweep.Record(trial));
        }

        return folder;
    }

    [Fact]
    public void Shards_merge_into_the_whole_plan_and_the_merged_folder_is_a_sweep_folder()
    {
        using var dir = new TempDirectory();
        var folders = Enumerable.Range(1, 3).Select(i => Shard(dir.Path, i, 3)).ToArray();
        var content = SweepFolders.Read(folders);
        content.Records.Select(r => r.Id).Order().ShouldBe(HandMadeSweep.Plan().Trials.Select(t => t.Id).Order());
        content.DuplicateLines.ShouldBe(0);

        var merged = Path.Combine(dir.Path, "merged");
        SweepFolders.WriteMerged(merged, content);
        var again = SweepFolders.Read([merged]);
        again.Records.Select(r => r.Id).ShouldBe(HandMadeSweep.Plan().Trials.Select(t => t.Id), "merged records are in plan order");
        again.Plan.PlanId.ShouldBe(HandMadeSweep.Plan().Id);
        PlanFile.WriteOrCheck(merged, HandMadeSweep.Plan());
    }

    [Fact]
    public void The_same_folder_twice_counts_duplicates_and_keeps_one_record_each()
    {
        using var dir = new TempDirectory();
        var folder = Shard(dir.Path, 1, 1);
        var content = SweepFolders.Read([folder, folder]);
        content.Records.Count.ShouldBe(15);
        content.DuplicateLines.ShouldBe(15);
    }

    [Fact]
    public void Folders_of_different_plans_are_refused()
    {
        using var dir = new TempDirectory();
        var a = Shard(dir.Path, 1, 2);
        var b = Path.Combine(dir.Path, "other");
        PlanFile.WriteOrCheck(b, SweepPlan.Create(new SweepOptions(), TestCatalog.Instance));
        File.WriteAllText(Path.Combine(b, TrialStore.FileName), "");
        Should.Throw<InvalidInputException>(() => SweepFolders.Read([a, b])).Message
            .ShouldBe($"{a} and {b} hold different sweep plans: only shards of one plan can be merged");
    }

    [Fact]
    public void A_folder_that_is_not_a_sweep_folder_is_refused()
    {
        using var dir = new TempDirectory();
        Should.Throw<InvalidInputException>(() => SweepFolders.Read([dir.Path])).Message.ShouldBe($"{dir.Path}: no plan.json (not a sweep output folder)");
        PlanFile.WriteOrCheck(dir.Path, HandMadeSweep.Plan());
        Should.Throw<InvalidInputException>(() => SweepFolders.Read([dir.Path])).Message.ShouldBe($"{dir.Path}: no trials.jsonl (not a sweep output folder)");
        Should.Throw<InvalidInputException>(() => SweepFolders.Read([])).Message.ShouldBe(ExperimentErrors.NoFolders);
    }
}
