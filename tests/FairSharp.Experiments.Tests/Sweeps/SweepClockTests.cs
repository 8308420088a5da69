using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

public sealed class SweepClockTests
{
    private static TrialConfig Trial(string method, int seed) => new("adult", "sex", null, method, "dp", 1, seed, null);

    [Fact]
    public void The_estimate_weighs_each_remaining_trial_by_its_methods_mean_time()
    {
        TrialConfig[] trials = [Trial("erm", 0), Trial("fairer", 0), Trial("erm", 1), Trial("fairer", 1), Trial("fairer", 2)];
        var clock = new SweepClock(trials, jobs: 1);
        clock.Remaining(TimeSpan.Zero).ShouldBeNull();
        clock.Started(trials[0], TimeSpan.Zero);
        clock.Finished(trials[0], TimeSpan.FromSeconds(2));
        clock.Remaining(TimeSpan.FromSeconds(2)).ShouldBe(TimeSpan.FromSeconds(8), "fairer unknown yet: assumed to cost the mean of known methods");
        clock.Started(trials[1], TimeSpan.FromSeconds(2));
        clock.Finished(trials[1], TimeSpan.FromSeconds(8));
        clock.MeanByCurve.ShouldBe(new Dictionary<string, TimeSpan> { ["erm"] = TimeSpan.FromSeconds(2), ["fairer"] = TimeSpan.FromSeconds(6) }, ignoreOrder: true);
        clock.Remaining(TimeSpan.FromSeconds(8)).ShouldBe(TimeSpan.FromSeconds(2 + 6 + 6));
        clock.Started(trials[2], TimeSpan.FromSeconds(8));
        clock.Remaining(TimeSpan.FromSeconds(9)).ShouldBe(TimeSpan.FromSeconds(1 + 6 + 6), "the running erm trial has 1 s of its mean left");
    }

    [Fact]
    public void Parallel_jobs_share_the_remaining_work_but_never_finish_before_the_longest_running_trial()
    {
        TrialConfig[] trials = [Trial("erm", 0), Trial("fairer", 0), Trial("fairer", 1)];
        var clock = new SweepClock(trials, jobs: 2);
        clock.Started(trials[0], TimeSpan.Zero);
        clock.Started(trials[1], TimeSpan.Zero);
        clock.Finished(trials[0], TimeSpan.FromSeconds(2));
        clock.Remaining(TimeSpan.FromSeconds(2)).ShouldBe(TimeSpan.FromSeconds(1), "fairer assumed 2 s like erm: (0 + 2) / 2 jobs");
        clock.Started(trials[2], TimeSpan.FromSeconds(2));
        clock.Finished(trials[1], TimeSpan.FromSeconds(10));
        clock.Remaining(TimeSpan.FromSeconds(10)).ShouldBe(TimeSpan.FromSeconds(10 - 8), "one fairer trial (10 s) running for 8 s");
    }

    [Fact]
    public void Trials_start_round_robin_over_the_methods_in_plan_order_within_each()
    {
        var plan = HandMadeSweep.Plan().Trials;
        var order = TrialSchedule.Order(plan);
        order.Select(t => t.Id).Order().ShouldBe(plan.Select(t => t.Id).Order());
        order.Take(3).Select(t => t.Method).ShouldBe(["erm", "gapreg", "fairmixup"]);
        order.Where(t => t.Method == "gapreg").ShouldBe(plan.Where(t => t.Method == "gapreg"));
        order.TakeLast(4).Select(t => t.Method).ShouldBe(["gapreg", "fairmixup", "gapreg", "fairmixup"]);
    }
}
