using FairSharp.Data;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Objectives;

/// <summary>Runs an objective for a few Adam steps on seeded batches, outside the trainer, and records its losses.</summary>
internal static class ObjectiveHarness
{
    public static (List<double> TaskLosses, FairNetwork Model) Run(ITrainingObjective objective, DataSplit split, IBatchSampler sampler,
        int epochs, int seed = 3, double dropout = 0, int[]? hidden = null)
    {
        manual_seed(seed);
        var model = new ModelSpec(ModelSpec.MlpName, [split.RowSize], hidden ?? [16], dropout).Build();
        var extra = objective.Attach(model);
        using var optimizer = optim.Adam(model.parameters().Concat(extra), lr: 1e-2);
        using var all = TensorConversion.ToTensors(split);
        using var generator = new Generator((ulong)seed);
        var losses = new List<double>();
        model.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var rows in sampler.Epoch(epoch))
            {
                using var scope = NewDisposeScope();
                var batch = BatchContext.FromRows(all, split, rows, 2);
                optimizer.zero_grad();
                var step = objective.Step(model, batch, epoch, generator);
                step.Loss.backward();
                optimizer.step();
                losses.Add(step.Diagnostics.TryGetValue("task_loss", out var task) ? task : step.Loss.item<float>());
            }
        }

        return (losses, model);
    }
}
