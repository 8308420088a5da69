using FairSharp.Data;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Tests.Checkpoints;

public sealed class TrainedModelTests : IDisposable
{
    private static readonly PreparedDataset Data = Synthetic.Dataset(trainRows: 200);
    private readonly string root = Path.Combine(Path.GetTempPath(), "fairsharp-trained-tests-" + Guid.NewGuid().ToString("N"));

    public TrainedModelTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Train(string name)
    {
        var dir = Path.Combine(root, name);
        TrainingRun.Execute(new TrainRequest("synthetic", ["s"]) { Seed = 3, Steps = 10, BatchSize = 64, Threads = 1 }, Data, dir);
        return dir;
    }

    [Fact]
    public void The_manifest_records_the_weights_sha256_and_a_clean_folder_loads()
    {
        var dir = Train("clean");
        using var model = TrainedModel.Load(dir);
        model.Manifest.Files.ShouldNotBeNull();
        model.Manifest.Files!.Keys.ShouldBe(["model.bin"]);
        model.Manifest.Files["model.bin"].ShouldBe(ModelCheckpoint.Sha256(Path.Combine(dir, "model.bin")));
        model.WeightsSha256.ShouldBe(model.Manifest.Files["model.bin"]);
        model.Label.ShouldBe("clean");
        model.Network.training.ShouldBeFalse();
    }

    [Fact]
    public void Changed_weights_are_refused_with_both_hashes()
    {
        var dir = Train("tampered");
        var weights = Path.Combine(dir, "model.bin");
        var recorded = ModelCheckpoint.Sha256(weights);
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(weights, bytes);
        Should.Throw<InvalidInputException>(() => TrainedModel.Load(dir)).Message
            .ShouldBe($"{weights}: sha256 {ModelCheckpoint.Sha256(weights)} differs from manifest.json's {recorded}: the file was changed after training");
    }

    [Fact]
    public void Other_data_is_refused_naming_the_difference()
    {
        var dir = Train("data");
        using var model = TrainedModel.Load(dir);
        model.CheckData(Data);
        var other = Data with { DataSha256 = "1111" };
        Should.Throw<InvalidInputException>(() => model.CheckData(other)).Message
            .ShouldBe($"{dir}: the model was trained on different data (data sha256 1111 instead of 0000); check --data-dir");
    }

    [Fact]
    public void A_taken_network_is_not_disposed_with_the_model()
    {
        var dir = Train("taken");
        var model = TrainedModel.Load(dir);
        using var network = model.TakeNetwork();
        model.Dispose();
        Should.Throw<ObjectDisposedException>(() => model.Network);
        network.StageCount.ShouldBe(3);
    }
}
