using FairSharp.Training.Runs;

namespace FairSharp.Training.Tests.Runs;

public sealed class RunConfigSplitTests
{
    [Fact]
    public void The_config_records_which_random_stream_drew_the_split()
    {
        var data = Synthetic.Dataset();
        var request = new TrainRequest("synthetic", ["s"], "erm") { Steps = 1, BatchSize = 8, Threads = 1 };
        TrainingRun.Execute(request, data).Config.Split.ShouldBe("dotnet");
        TrainingRun.Execute(request with { NumpySplit = true }, data).Config.Split.ShouldBe("numpy");
    }
}
