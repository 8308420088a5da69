using System.Text.Json;
using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Data.Tabular;
using FairSharp.Training;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Conformance;

/// <summary>The ffb protocol (FFB, <c>ahxt/fair_fairness_benchmark</c>) on Adult (sex), seed 0.
/// <list type="bullet">
/// <item>Preprocessing (comparison a): the split FairSharp draws, as indices into the kept rows in file order, and the
/// encoded train / validation / test matrices, labels and groups. The reference rebuilds FFB's table from the raw files
/// and encodes the same rows.</item>
/// <item>Steps (comparison b): 20 steps of adversarial, hsic and prejudice-remover on FFB's MLP 512-256-64, Adam
/// lr 1e−2, shuffled batches of 1,024 from FairSharp's sampler, in float32 and float64 (as <see cref="StepsExport"/>).
/// Dropout is switched off (p = 0): its masks are a random stream of each library, not part of the method; the
/// adversarial protocol runs without dropout anyway, as FFB's <c>AdvDebiasing</c> does. StepLR(50) does not act
/// within 20 steps.</item>
/// </list></summary>
internal static class FfbExport
{
    public const int Steps = 20;
    private const int Seed = 0;

    private sealed record Config(string Name, string Method, MethodOptions Options);

    private static readonly Config[] Configs =
    [
        new("adversarial", "adversarial", new AdversarialOptions(Lambda: 1.0)),
        new("hsic", "hsic", new HsicOptions(Lambda: 1.0)),
        new("prejudice-remover", "prejudice-remover", new PrejudiceRemoverOptions(Lambda: 1.0)),
    ];

    public static void Run(string output)
    {
        var data = DatasetLoader.Prepare(new DataRequest("adult", ["sex"], FfbProtocol.ProtocolName, Seed));
        var dir = Directory.CreateDirectory(Path.Combine(output, "ffb", "adult")).FullName;
        AdultExport.Write(dir, data);
        var table = DatasetLoader.LoadTabular("adult", FairSharp.Data.Catalogue.DataDirectory.Locate(null), verify: true);
        var (train, validation, test) = Splitter.Stratified(table.Labels, new DataRequest("adult", ["sex"], FfbProtocol.ProtocolName, Seed).Fractions(), Seed);
        Npy.Write(Path.Combine(dir, "split_train.npy"), train, train.Length);
        Npy.Write(Path.Combine(dir, "split_val.npy"), validation, validation.Length);
        Npy.Write(Path.Combine(dir, "split_test.npy"), test, test.Length);
        File.WriteAllText(Path.Combine(dir, "meta.json"), JsonSerializer.Serialize(new { kept_rows = table.Count, features = data.FeatureNames }));
        Console.WriteLine($"ffb adult: {table.Count} rows, {data.Train.RowSize} columns");

        foreach (var config in Configs)
        {
            Export(Directory.CreateDirectory(Path.Combine(output, "ffb", "steps", config.Name)).FullName, config, data);
        }
    }

    private static void Export(string dir, Config config, PreparedDataset data)
    {
        const int seed = 7;
        var sampler = new ShuffledBatchSampler(data.Train.Count, 1024, seed);
        var batches = Enumerable.Range(0, 2).SelectMany(sampler.Epoch).Take(Steps).ToArray(); // 17 batches per epoch: the endless loader goes on into epoch 1
        Npy.Write(Path.Combine(dir, "batches.npy"), batches.SelectMany(b => b).ToArray(), batches.Length, batches[0].Length);

        var parameters = Array.Empty<string>();
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            using var objective = MethodRegistry.Create(config.Method, config.Options, new MethodContext(FairnessConstraint.DemographicParity, 2));
            manual_seed(seed);
            using var model = ModelSpec.FfbMlp(data.Train.RowSize, dropout: 0).Build();
            var extra = objective.Attach(model);
            var all = model.named_parameters().Concat(extra.Select((p, i) => (name: AdversaryName(objective, p), parameter: p))).ToArray();
            parameters = all.Select(p => p.name).ToArray();
            if (dtype == ScalarType.Float32)
            {
                WriteState(dir, "init", all);
            }

            model.to(dtype);
            if (objective is AdversarialObjective adversarial)
            {
                adversarial.Adversary!.to(dtype);
            }

            Train(dir, dtype == ScalarType.Float32 ? "f32" : "f64", model, objective, data, batches, seed, dtype, all.Select(p => p.name).ToArray());
        }

        File.WriteAllText(Path.Combine(dir, "meta.json"), JsonSerializer.Serialize(new
        {
            method = config.Method,
            lambda_ = config.Options switch { AdversarialOptions a => a.Lambda, HsicOptions h => h.Lambda, PrejudiceRemoverOptions r => r.Lambda, _ => double.NaN },
            steps = Steps,
            parameters,
        }));
        Console.WriteLine($"ffb steps {config.Name}");
    }

    private static string AdversaryName(ITrainingObjective objective, TorchSharp.Modules.Parameter parameter)
    {
        var adversary = ((AdversarialObjective)objective).Adversary!;
        return "adversary." + adversary.named_parameters().First(p => ReferenceEquals(p.parameter, parameter)).name;
    }

    private static void Train(string dir, string prefix, FairNetwork model, ITrainingObjective objective, PreparedDataset data,
        int[][] batches, int seed, ScalarType dtype, string[] names)
    {
        using var generator = new Generator((ulong)seed);
        using var train = TensorConversion.ToTensors(data.Train);
        var adversary = (objective as AdversarialObjective)?.Adversary;
        var parameters = model.parameters().Concat(adversary?.parameters() ?? []).ToArray();
        using var optimizer = optim.Adam(parameters, 1e-2);
        var losses = new double[Steps];
        model.train();
        for (var s = 0; s < Steps; s++)
        {
            using var scope = NewDisposeScope();
            var rows = BatchContext.FromRows(train, data.Train, batches[s], data.GroupNames.Count);
            var batch = new BatchContext(rows.X.to(dtype), rows.Y.to(dtype), rows.Group, rows.Labels.ToArray(), rows.Groups.ToArray(), rows.GroupCount);
            losses[s] = TrainingStep.Run(model, objective, batch, optimizer, 0, generator, out _);
            if (s == 0)
            {
                WriteGradients(dir, $"{prefix}_grad1", names, parameters);
            }
        }

        Npy.Write(Path.Combine(dir, $"{prefix}_losses.npy"), losses, Steps);
        WriteState(dir, $"{prefix}_final", names.Zip(parameters).ToArray());
        WriteGradients(dir, $"{prefix}_grad", names, parameters);
    }

    private static void WriteGradients(string dir, string prefix, string[] names, TorchSharp.Modules.Parameter[] parameters) =>
        StepsExport.WriteTensors(dir, prefix, names.Zip(parameters, (n, p) => (n, p.grad!)));

    private static void WriteState(string dir, string prefix, (string Name, TorchSharp.Modules.Parameter Parameter)[] parameters) =>
        StepsExport.WriteTensors(dir, prefix, parameters.Select(p => (p.Name, (Tensor)p.Parameter)));
}
