using System.Text;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

public sealed class TrialStoreTests
{
    internal static TrialRecord Record(double lambda, int seed, double accuracy, TrialStatus status = TrialStatus.Ok)
    {
        var config = new TrialConfig("adult", "sex", null, "gapreg", "dp", lambda, seed, 2);
        var metrics = status == TrialStatus.Ok
            ? new Dictionary<string, double> { ["accuracy"] = accuracy, ["demographic_parity_difference"] = 0.1 / (1 + lambda) }
            : new Dictionary<string, double>();
        var byGroup = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["sex=Female"] = new Dictionary<string, double> { ["selection_rate"] = 0.1 },
            ["sex=Male"] = new Dictionary<string, double> { ["selection_rate"] = 0.3 },
        };
        return TrialRecord.From(config, new TrialOutcome(status, metrics, byGroup, 3, status == TrialStatus.Ok ? null : "loss became NaN at epoch 2"), new TrialTimings(1.5, 2.25));
    }

    [Fact]
    public void A_record_round_trips_through_one_line()
    {
        var record = Record(0.3, 1, 0.8125);
        var line = TrialStore.Serialize(record);
        line.ShouldNotContain("\n");
        line.ShouldStartWith($"{{\"id\":\"{record.Id}\",\"status\":\"ok\",\"config\":{{\"dataset\":\"adult\"");
        var back = TrialStore.TryParse(line)!;
        back.Config.ShouldBe(record.Config);
        back.Metrics.ShouldBe(record.Metrics);
        back.ByGroup["sex=Male"]["selection_rate"].ShouldBe(0.3);
        back.Timings.ShouldBe(record.Timings);
        back.ChosenEpoch.ShouldBe(3);
        back.Degenerate.ShouldBeEmpty();
    }

    [Fact]
    public void Degenerate_reasons_round_trip_and_a_line_without_them_reads_as_none()
    {
        var record = Record(0.3, 1, 0.7) with { Degenerate = ["sex=Female: every prediction is 1"] };
        TrialStore.TryParse(TrialStore.Serialize(record))!.Degenerate.ShouldBe(["sex=Female: every prediction is 1"]);
        var old = TrialStore.Serialize(Record(0.3, 1, 0.7)).Replace(",\"degenerate\":[]", "", StringComparison.Ordinal);
        old.ShouldNotContain("degenerate");
        TrialStore.TryParse(old)!.Degenerate.ShouldBeEmpty();
    }

    [Fact]
    public void NaN_metrics_survive_the_round_trip()
    {
        var record = Record(0.3, 1, double.NaN);
        TrialStore.TryParse(TrialStore.Serialize(record))!.Metrics["accuracy"].ShouldBe(double.NaN);
    }

    [Fact]
    public void Appended_records_are_read_back_in_order_one_line_each()
    {
        using var dir = new TempDirectory();
        var store = new TrialStore(dir.Path);
        store.Read().Records.ShouldBeEmpty();
        store.Append(Record(0.1, 0, 0.8));
        store.Append(Record(0.1, 1, 0.81, TrialStatus.Diverged));
        var content = store.Read();
        content.Records.Select(r => r.Config.Seed).ShouldBe([0, 1]);
        content.Records[1].Status.ShouldBe(TrialStatus.Diverged);
        content.Records[1].Error.ShouldBe("loss became NaN at epoch 2");
        File.ReadAllText(store.FilePath).Split('\n').ShouldBe([TrialStore.Serialize(Record(0.1, 0, 0.8)), TrialStore.Serialize(Record(0.1, 1, 0.81, TrialStatus.Diverged)), ""]);
    }

    [Fact]
    public void A_truncated_last_line_is_ignored_and_the_next_append_starts_on_a_fresh_line()
    {
        using var dir = new TempDirectory();
        var store = new TrialStore(dir.Path);
        store.Append(Record(0.1, 0, 0.8));
        var cut = TrialStore.Serialize(Record(0.1, 1, 0.81));
        File.AppendAllText(store.FilePath, cut[..(cut.Length / 2)], Encoding.UTF8);

        var content = store.Read();
        content.Records.Count.ShouldBe(1);
        content.IgnoredLines.ShouldBe(1);

        store.Append(Record(0.1, 1, 0.81));
        var lines = File.ReadAllText(store.FilePath).Split('\n');
        lines.Length.ShouldBe(4);
        lines[1].ShouldBe(cut[..(cut.Length / 2)]);
        lines[2].ShouldBe(cut);
        var after = store.Read();
        after.Records.Select(r => r.Config.Seed).ShouldBe([0, 1]);
        after.IgnoredLines.ShouldBe(1);
    }

    [Fact]
    public void A_second_record_of_the_same_trial_is_counted_and_the_first_kept()
    {
        using var dir = new TempDirectory();
        var store = new TrialStore(dir.Path);
        store.Append(Record(0.1, 0, 0.8));
        store.Append(Record(0.1, 0, 0.9));
        var content = store.Read();
        content.Records.Single().Metrics["accuracy"].ShouldBe(0.8);
        content.DuplicateLines.ShouldBe(1);
    }

    [Fact]
    public void Concurrent_appends_never_interleave()
    {
        using var dir = new TempDirectory();
        var store = new TrialStore(dir.Path);
        Parallel.For(0, 64, i => store.Append(Record(0.1, i, 0.5 + (i / 1000.0))));
        var content = store.Read();
        content.Records.Count.ShouldBe(64);
        content.IgnoredLines.ShouldBe(0);
    }
}
