using System.Text.Json;
using FairSharp.Training.Models;
using FairSharp.Training.Stitching;
using static TorchSharp.torch;

namespace FairSharp.Conformance;

/// <summary>One full-batch epoch of TFS and of FDR on the same cached 512-d features: 4 × 100 balanced rows of seeded
/// non-negative features (like a ResNet's pooled output), a frozen one-logit head, a default-initialised stitch
/// (TFS) or fresh head (FDR), α = 20, SGD lr 1e-2, momentum 0.9, weight decay 5e-4.</summary>
internal static class StitchExport
{
    public static void Run(string output)
    {
        const int width = 512;
        const int perCell = 100;
        var dir = Directory.CreateDirectory(Path.Combine(output, "stitch")).FullName;
        manual_seed(21);
        var n = 4 * perCell;
        var y = Enumerable.Range(0, n).Select(i => (i / perCell) % 2).ToArray();
        var a = Enumerable.Range(0, n).Select(i => i / (2 * perCell)).ToArray();
        using var features = rand([n, width]).pow(2) * 2;
        Npy.Write(Path.Combine(dir, "x.npy"), features);
        Npy.Write(Path.Combine(dir, "y.npy"), y, n);
        Npy.Write(Path.Combine(dir, "a.npy"), a, n);
        var summary = new Dictionary<string, object>();
        foreach (var method in new[] { StitchMethod.Tfs, StitchMethod.Fdr })
        {
            var name = method == StitchMethod.Tfs ? "tfs" : "fdr";
            manual_seed(method == StitchMethod.Tfs ? 22 : 23);
            var backbone = new ModelSpec(ModelSpec.MlpName, [8], [width]).Build();
            FeatureClassifier model = method == StitchMethod.Tfs
                ? new StitchedNetwork(backbone, backbone.PenultimateCut, new StitchLayer([width]), trainHead: false)
                : new FreshHead(width);
            using var disposeModel = model;
            if (method == StitchMethod.Fdr)
            {
                backbone.Dispose();
            }

            StepsExport.WriteState(dir, $"{name}_init", model);
            using var validation = new CachedSplit("validation", features.clone(), (int[])y.Clone(), (int[])a.Clone());
            using var test = new CachedSplit("test", features.clone(), (int[])y.Clone(), (int[])a.Clone());
            var data = new StitchTrainingData(features.clone(), tensor(y.Select(v => (float)v).ToArray()), tensor(a.Select(v => (float)v).ToArray()),
                validation, test, ["a=0", "a=1"]);
            var options = new StitchOptions { Method = method, Epochs = 1, Seed = 0 };
            var result = StitchTrainer.Train(model, data, options, null);
            StepsExport.WriteState(dir, $"{name}_final", model);
            var diagnostics = result.Epochs[0].Diagnostics;
            summary[name] = new Dictionary<string, double>
            {
                ["nll"] = diagnostics[StitchLoss.NllKey],
                ["eo_constraint"] = diagnostics[StitchLoss.FairnessKey],
                ["loss"] = result.Epochs[0].TrainLoss,
                ["batch"] = result.BatchSize,
            };
            Console.WriteLine($"stitch {name}: batch {result.BatchSize}, eo_constraint {diagnostics[StitchLoss.FairnessKey]:F6}");
        }

        File.WriteAllText(Path.Combine(dir, "fairsharp.json"), JsonSerializer.Serialize(summary));
    }
}
