using FairSharp.Metrics;
using FairSharp.Training.Selection;

namespace FairSharp.Training.Tests.Selection;

public sealed class SelectionRuleTests
{
    private static EpochRecord Record(int epoch, double accuracy, double gap) => new(epoch, epoch * 10, 1e-3, 0.5,
        new Dictionary<string, double>(),
        new Dictionary<string, double> { [MetricKeys.Accuracy] = accuracy, [MetricKeys.DpScoreGap] = gap },
        new Dictionary<string, double> { [MetricKeys.Accuracy] = 0.0, [MetricKeys.DpScoreGap] = 9.0 });

    private static readonly EpochRecord[] Records =
    [
        Record(0, 0.70, 0.01), Record(1, 0.80, 0.12), Record(2, 0.83, 0.04), Record(3, 0.85, 0.04), Record(4, 0.84, 0.03),
    ];

    [Fact]
    public void Last_epoch_is_the_last() => new LastEpoch().Choose(Records).ShouldBe(4);

    [Fact]
    public void Min_gap_skips_the_warm_up_and_breaks_ties_early()
    {
        new MinGapAfterWarmup(MetricKeys.DpScoreGap, 0).Choose(Records).ShouldBe(0);
        new MinGapAfterWarmup(MetricKeys.DpScoreGap, 1).Choose(Records).ShouldBe(4);
        new MinGapAfterWarmup(MetricKeys.DpScoreGap, 1).Choose(Records[..4]).ShouldBe(2);
        new MinGapAfterWarmup(MetricKeys.DpScoreGap, 5).Choose(Records).ShouldBe(-1);
    }

    [Fact]
    public void Max_accuracy_within_gap_falls_back_to_the_smallest_gap()
    {
        var rule = new MaxAccuracyWithinGap(MetricKeys.DpScoreGap, 0.05);
        rule.Choose(Records).ShouldBe(3);
        rule.Satisfied(Records, 3).ShouldBeTrue();
        var strict = new MaxAccuracyWithinGap(MetricKeys.DpScoreGap, 0.001);
        strict.Choose(Records).ShouldBe(0);
        strict.Satisfied(Records, 0).ShouldBeFalse();
        rule.Describe().ShouldBe("max validation accuracy s.t. dp_score_gap <= 0.05 (else min dp_score_gap)");
    }

    [Fact]
    public void Rules_are_online_the_choice_over_a_prefix_is_the_old_choice_or_the_newest_epoch()
    {
        SelectionRule[] rules = [new LastEpoch(), new MinGapAfterWarmup(MetricKeys.DpScoreGap, 1), new MaxAccuracyWithinGap(MetricKeys.DpScoreGap, 0.05)];
        foreach (var rule in rules)
        {
            for (var k = 2; k <= Records.Length; k++)
            {
                var now = rule.Choose(Records[..k]);
                var before = rule.Choose(Records[..(k - 1)]);
                (now == before || now == k - 1).ShouldBeTrue($"{rule.Name} at {k}");
            }
        }
    }

    [Fact]
    public void Parse_and_validate_refuse_unknown_rules_and_keys()
    {
        SelectionRule.Parse("min-gap", MetricKeys.EoScoreGap, 2).ShouldBe(new MinGapAfterWarmup(MetricKeys.EoScoreGap, 2));
        Should.Throw<InvalidInputException>(() => SelectionRule.Parse("best", MetricKeys.DpScoreGap)).Message
            .ShouldBe("unknown selection rule 'best' (expected last, min-gap or max-accuracy-within-gap)");
        Should.Throw<InvalidInputException>(() => new MinGapAfterWarmup("gap").Validate()).Message
            .ShouldBe("unknown metric key 'gap' for model selection");
    }

    [Fact]
    public void Early_stopping_counts_consecutive_non_improving_losses_after_the_minimum()
    {
        var rule = new EarlyStopping(Patience: 3, MinEpochs: 2);
        rule.ShouldStop([1.0, 0.9, 0.95, 0.96, 0.97]).ShouldBeTrue();
        rule.ShouldStop([1.0, 0.9, 0.95, 0.94, 0.97]).ShouldBeFalse();
        rule.ShouldStop([1.0, 1.1, 1.2]).ShouldBeFalse();
        new EarlyStopping(1, 20).ShouldStop(Enumerable.Repeat(1.0, 20).ToArray()).ShouldBeFalse();
        Should.Throw<InvalidInputException>(() => new EarlyStopping(0, 1).Validate()).Message
            .ShouldBe("early stopping needs patience >= 1 and min epochs >= 0, got 0 and 1");
    }
}
