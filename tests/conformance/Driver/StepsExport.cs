using System.Text.Json;
using FairSharp.Data;
using FairSharp.Training;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Conformance;

/// <summary>20 training steps of each method on the fairmixup protocol's Adult split (seed 0): Fair Mixup's MLP
/// 120-200-200-1, Adam 1e-3, 500 rows per stratum from FairSharp's own sampler. Per method: initial weights, the batch
/// indices of every step, the γ draws (fairmixup), then once in float32 and once in float64 (<c>f32_</c>, <c>f64_</c>
/// prefixes): the loss of every step, the first and the last step's gradients and the final weights. In float32 two
/// correct implementations part after a few Adam steps (Adam turns rounding-level differences of near-zero gradients
/// into steps of size lr), so the 20-step trajectory is compared in float64 and float32 on the first step.</summary>
internal static class StepsExport
{
    public const int Steps = 20;

    private sealed record Config(string Name, string Method, FairnessConstraint Constraint, double Lambda, double LambdaAlign);

    private static readonly Config[] Configs =
    [
        new("erm-eo", "erm", FairnessConstraint.EqualizedOdds, 0, 0),
        new("erm-dp", "erm", FairnessConstraint.DemographicParity, 0, 0),
        new("gapreg-dp", "gapreg", FairnessConstraint.DemographicParity, 1, 0),
        new("gapreg-eo", "gapreg", FairnessConstraint.EqualizedOdds, 1, 0),
        new("fairmixup-dp", "fairmixup", FairnessConstraint.DemographicParity, 1, 0),
        new("fairmixup-eo", "fairmixup", FairnessConstraint.EqualizedOdds, 1, 0),
        new("fairer-dp-0.01", "fairer", FairnessConstraint.DemographicParity, 1, 0.01),
        new("fairer-dp-1", "fairer", FairnessConstraint.DemographicParity, 1, 1),
        new("fairer-eo-0.01", "fairer", FairnessConstraint.EqualizedOdds, 1, 0.01),
        new("fairer-eo-1", "fairer", FairnessConstraint.EqualizedOdds, 1, 1),
    ];

    public static void Run(string output)
    {
        var data = AdultExport.Load(0);
        var dataDir = Directory.CreateDirectory(Path.Combine(output, "adult", "seed0")).FullName;
        AdultExport.Write(dataDir, data);
        foreach (var config in Configs)
        {
            Export(Directory.CreateDirectory(Path.Combine(output, "steps", config.Name)).FullName, config, data);
        }
    }

    private static void Export(string dir, Config config, PreparedDataset data)
    {
        const int seed = 7;
        MethodOptions options = config.Method switch
        {
            "fairer" => new FairerOptions(config.Lambda, config.LambdaAlign, Passes: FairerPasses.Authors),
            "gapreg" => new GapRegOptions(config.Lambda),
            "fairmixup" => new FairMixupOptions(config.Lambda),
            _ => new ErmOptions(),
        };
        using var objective = MethodRegistry.Create(config.Method, options, new MethodContext(config.Constraint, 2));
        manual_seed(seed);
        using var model = new ModelSpec(ModelSpec.MlpName, [data.Train.RowSize], [200, 200]).Build();
        WriteState(dir, "init", model);
        IStratifiedBatchSampler sampler = config.Constraint == FairnessConstraint.DemographicParity
            ? new GroupStratifiedSampler(data.Train, data.GroupNames, 500, seed, 100)
            : new GroupLabelStratifiedSampler(data.Train, data.GroupNames, 500, seed, 100);
        var batches = sampler.Epoch(0).Take(Steps).ToArray();
        Npy.Write(Path.Combine(dir, "batches.npy"), batches.SelectMany(b => b).ToArray(), batches.Length, batches[0].Length);

        // The γ draws: FairMixupObjective draws rand(1) from the step generator once per pair, y = 0 pair first.
        using (var replay = new Generator(seed))
        {
            var pairs = config.Constraint == FairnessConstraint.DemographicParity ? 1 : 2;
            var gammas = Enumerable.Range(0, Steps * pairs).Select(_ => rand([1], generator: replay).ToDouble()).ToArray();
            Npy.Write(Path.Combine(dir, "gammas.npy"), gammas, Steps, pairs);
        }

        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            manual_seed(seed);
            using var copy = new ModelSpec(ModelSpec.MlpName, [data.Train.RowSize], [200, 200]).Build();
            copy.load_state_dict(model.state_dict());
            copy.to(dtype);
            Train(dir, dtype == ScalarType.Float32 ? "f32" : "f64", copy, objective, data, batches, seed, dtype);
        }

        File.WriteAllText(Path.Combine(dir, "meta.json"), JsonSerializer.Serialize(new
        {
            method = config.Method,
            constraint = config.Constraint == FairnessConstraint.DemographicParity ? "dp" : "eo",
            lambda_fair = config.Lambda,
            lambda_align = config.LambdaAlign,
            steps = Steps,
            parameters = model.named_parameters().Select(p => p.name).ToArray(),
        }));
        Console.WriteLine($"steps {config.Name}");
    }

    private static void Train(string dir, string prefix, FairNetwork model, ITrainingObjective objective, PreparedDataset data,
        int[][] batches, int seed, ScalarType dtype)
    {
        using var generator = new Generator((ulong)seed);
        using var train = TensorConversion.ToTensors(data.Train);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
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
                WriteGradients(dir, $"{prefix}_grad1", model);
            }
        }

        Npy.Write(Path.Combine(dir, $"{prefix}_losses.npy"), losses, Steps);
        WriteState(dir, $"{prefix}_final", model);
        WriteGradients(dir, $"{prefix}_grad", model);
    }

    private static void WriteGradients(string dir, string prefix, nn.Module model) =>
        WriteTensors(dir, prefix, model.named_parameters().Select(p => (p.name, p.parameter.grad!)));

    public static void WriteState(string dir, string prefix, nn.Module model) =>
        WriteTensors(dir, prefix, model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));

    /// <summary>One <c>{prefix}_{name}.npy</c> per named tensor (weights or gradients).</summary>
    public static void WriteTensors(string dir, string prefix, IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        foreach (var (name, tensor) in tensors)
        {
            Npy.Write(Path.Combine(dir, $"{prefix}_{name}.npy"), tensor);
        }
    }
}
