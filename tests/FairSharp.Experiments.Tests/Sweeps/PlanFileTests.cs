using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Tests.Sweeps;

public sealed class PlanFileTests
{
    [Fact]
    public void The_first_run_writes_the_plan_and_the_same_plan_is_accepted_again()
    {
        using var dir = new TempDirectory();
        var plan = SweepPlan.Create(new SweepOptions(), TestCatalog.Instance);
        PlanFile.WriteOrCheck(dir.Path, plan);
        PlanFile.WriteOrCheck(dir.Path, SweepPlan.Create(new SweepOptions(), TestCatalog.Instance));
        var read = PlanFile.Read(Path.Combine(dir.Path, PlanFile.FileName));
        read.PlanId.ShouldBe(plan.Id);
        read.Trials.ShouldBe(plan.Trials);
        read.Options.Methods.ShouldBe(plan.Options.Methods);
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).ShouldBe([PlanFile.FileName]);
    }

    [Fact]
    public void A_different_plan_in_the_same_folder_is_refused_naming_what_differs()
    {
        using var dir = new TempDirectory();
        PlanFile.WriteOrCheck(dir.Path, SweepPlan.Create(new SweepOptions(), TestCatalog.Instance));
        var other = SweepPlan.Create(new SweepOptions { Lambdas = [0.5], Seeds = 5 }, TestCatalog.Instance);
        Should.Throw<InvalidInputException>(() => PlanFile.WriteOrCheck(dir.Path, other)).Message
            .ShouldBe($"{dir.Path} holds a different sweep plan (lambdas 0.1,0.3,1,3 → 0.5; seeds 3 → 5); use another --out folder or repeat the original command");
    }

    [Fact]
    public void A_file_that_is_not_a_plan_is_refused()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, PlanFile.FileName);
        File.WriteAllText(path, "{\"format\": 7}");
        Should.Throw<InvalidInputException>(() => PlanFile.Read(path)).Message
            .ShouldBe($"{path}: not a FairSharp sweep plan (missing fields or unknown format)");
    }

    [Fact]
    public void A_format_1_plan_with_stitch_methods_is_refused_in_one_line_and_one_without_resumes()
    {
        using var dir = new TempDirectory();
        var stitch = SweepPlan.Create(new SweepOptions { Methods = ["erm", "tfs"] }, TestCatalog.Instance);
        PlanFile.WriteOrCheck(dir.Path, stitch);
        var path = Path.Combine(dir.Path, PlanFile.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"format\": 2", "\"format\": 1", StringComparison.Ordinal));
        Should.Throw<InvalidInputException>(() => PlanFile.WriteOrCheck(dir.Path, stitch)).Message
            .ShouldBe($"{dir.Path} holds a sweep plan of format 1 with stitch methods, whose trial ids predate the stitch knobs (format 2); rerun into another --out folder");

        using var network = new TempDirectory();
        var plan = SweepPlan.Create(new SweepOptions(), TestCatalog.Instance);
        PlanFile.WriteOrCheck(network.Path, plan);
        var networkPath = Path.Combine(network.Path, PlanFile.FileName);
        File.WriteAllText(networkPath, File.ReadAllText(networkPath).Replace("\"format\": 2", "\"format\": 1", StringComparison.Ordinal));
        PlanFile.WriteOrCheck(network.Path, plan);
        PlanFile.Read(networkPath).Format.ShouldBe(1);
    }
}
