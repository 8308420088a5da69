using System.Diagnostics;
using System.Globalization;
using System.Text;
using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Metrics;
using FairSharp.Training;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Protocols;
using FairSharp.Training.Runs;
using FairSharp.Training.Stitching;

namespace FairSharp.Benchmarks.Tfs;

/// <summary>
/// The TFS reproduction driver (tfs.md A1, A10, A11, A16): per seed, an ERM backbone, then FDR, TFS and tfs-joint at
/// each α, full batch, the shared A4/A5 selection; test balanced accuracy and EOD as mean ± std over seeds.
/// <c>dotnet run -c Release --project benchmarks/FairSharp.Benchmarks -- tfs-reproduce --dataset utkface --out DIR</c>.
/// Resumable: a run whose folder holds result.json is read, not rerun.
/// </summary>
/// <remarks>Backbones: adult = the ffb MLP (512-256-64, dropout 0.5) trained by <c>fairsharp train --method erm</c>'s
/// pipeline; utkface = SmallCnn (conv 32, conv 64, fc <c>--fc-width</c>, default 512 like TFS's ResNet-18 features) on
/// the tfs protocol's split and SGD settings, with lr 1e−2 and a short epoch cap because the machine has 2 shared cores;
/// <c>--arch resnet18</c> trains the tfs protocol's own backbone instead (torchvision ResNet-18, random init, SGD lr 1e−3,
/// batch 128, early stopping), capped at <c>--backbone-epochs</c>.</remarks>
public static class TfsReproduction
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var dataset = Arg("--dataset", "adult");
        var output = Arg("--out", "tfs-repro");
        var seeds = Arg("--seeds", "0,1,2").Split(',').Select(int.Parse).ToArray();
        var alphas = Arg("--alphas", "0,5,20").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var epochs = int.Parse(Arg("--epochs", "300"), CultureInfo.InvariantCulture);
        var backboneEpochs = int.Parse(Arg("--backbone-epochs", "15"), CultureInfo.InvariantCulture);
        var layers = Arg("--layers", "penultimate").Split(',');
        var methods = Arg("--methods", "fdr,tfs,tfs-joint").Split(',');
        var threads = int.Parse(Arg("--threads", "2"), CultureInfo.InvariantCulture);
        var width = int.Parse(Arg("--fc-width", "512"), CultureInfo.InvariantCulture);
        var architecture = Arg("--arch", ModelSpec.SmallCnnName);
        TorchSharp.torch.set_num_threads(threads);

        var rows = new List<(string Layer, string Method, double Alpha, int Seed, StitchOutcome Outcome)>();
        var backbones = new List<(int Seed, IReadOnlyDictionary<string, double> Test)>();
        foreach (var seed in seeds)
        {
            var backbone = Path.Combine(output, "backbones", $"{dataset}-seed{seed}");
            EnsureBackbone(dataset, seed, backbone, backboneEpochs, threads, width, architecture);
            foreach (var layer in layers)
            {
                foreach (var method in methods)
                {
                    foreach (var alpha in alphas)
                    {
                        var folder = Path.Combine(output, "runs", dataset, layer, string.Create(CultureInfo.InvariantCulture, $"{method}-a{alpha}-seed{seed}"));
                        var outcome = RunOne(backbone, folder, method, alpha, seed, epochs, layer, threads);
                        rows.Add((layer, method, alpha, seed, outcome));
                        if (backbones.All(b => b.Seed != seed))
                        {
                            backbones.Add((seed, outcome.Backbone.Test));
                        }

                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{dataset} {layer} {method} alpha {alpha} seed {seed}: test bacc {outcome.Test[MetricKeys.BalancedAccuracy]:F4} eod {outcome.Test[MetricKeys.EqualizedOddsDifference]:F4} (epoch {outcome.ChosenEpoch}, gate {(outcome.GatePassed ? "passed" : "failed")}, {outcome.TrainingElapsed.TotalSeconds:F1} s)"));
                    }
                }
            }
        }

        var report = Report(dataset, epochs, rows, backbones);
        File.WriteAllText(Path.Combine(output, $"{dataset}-summary.md"), report);
        Console.Out.Write(report);
        return 0;
    }

    private static StitchOutcome RunOne(string backbone, string folder, string method, double alpha, int seed, int epochs, string layer, int threads)
    {
        var result = Path.Combine(folder, StitchRun.ResultFile);
        if (File.Exists(result))
        {
            return JsonFiles.Read<StitchOutcome>(result);
        }

        // layer is the stitch_layer knob's text: an index or "penultimate"
        var options = (StitchOptions)MethodRegistry.Stitch(method).Configure([
            new("alpha", alpha.ToString("R", CultureInfo.InvariantCulture)), new("epochs", epochs.ToString(CultureInfo.InvariantCulture)), new("stitch_layer", layer),
        ]) with { Seed = seed, Threads = threads };
        var clock = Stopwatch.StartNew();
        var outcome = StitchRun.Execute(new StitchRequest(backbone) { Options = options }, folder);
        return outcome with { Elapsed = clock.Elapsed };
    }

    private static void EnsureBackbone(string dataset, int seed, string folder, int epochs, int threads, int width, string architecture)
    {
        if (File.Exists(Path.Combine(folder, ModelCheckpoint.ManifestFile)))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        if (dataset == "adult")
        {
            var outcome = TrainingRun.Execute(new TrainRequest("adult", ["sex"], "erm") { Seed = seed, Threads = threads }, folder);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"backbone adult seed {seed}: test acc {outcome.Test[MetricKeys.Accuracy]:F4} bacc {outcome.Test[MetricKeys.BalancedAccuracy]:F4} ({clock.Elapsed.TotalSeconds:F0} s)"));
            return;
        }

        var request = new TrainRequest("utkface", ["gender"], "erm") { Protocol = TfsProtocol.ProtocolName, Seed = seed, Threads = threads };
        var data = DatasetLoader.Prepare(request.ToDataRequest());
        var resolved = TrainingProtocols.Resolve(request, data);
        var plan = architecture == ModelSpec.SmallCnnName
            ? new TrainingPlan(new ModelSpec(ModelSpec.SmallCnnName, data.Train.SampleShape, [32, 64, width]),
                resolved.Trainer with { Epochs = epochs, LearningRate = 1e-2 })
            : new TrainingPlan(TrainingProtocols.WithArchitecture(resolved.Model, architecture, data), resolved.Trainer with { Epochs = epochs });
        Trainer.SeedTorch(seed);
        using var model = plan.Model.Build();
        using var objective = new ErmObjective();
        var result = new Trainer(plan.Trainer).Train(model, objective, data);
        var test = result.Epochs[result.ChosenEpoch].Test;
        var config = RunConfig.Of(request, plan, SamplerRule.ForRun(request.Descriptor, request.Constraint, request.Protocol, SamplingKind.Shuffled));
        var manifest = new ModelManifest(ModelManifest.CurrentFormat, plan.Model, config, seed, DataSummary.Of(data), result.ChosenEpoch,
            model.WeightLayers.Select(l => l.Name).ToArray(), model.StitchPoints, test, PackageVersions.Current(),
            result.Test?.Definitions ?? new Dictionary<string, string>());
        OutputDirectory.WriteAtomically(folder, temp => ModelCheckpoint.Save(model, manifest, temp));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"backbone utkface seed {seed}: {result.Epochs.Count} epochs ({result.Status}), test acc {test[MetricKeys.Accuracy]:F4} bacc {test[MetricKeys.BalancedAccuracy]:F4} eod {test[MetricKeys.EqualizedOddsDifference]:F4} ({clock.Elapsed.TotalSeconds:F0} s)"));
    }

    private static string Report(string dataset, int epochs, List<(string Layer, string Method, double Alpha, int Seed, StitchOutcome Outcome)> rows,
        List<(int Seed, IReadOnlyDictionary<string, double> Test)> backbones)
    {
        static string MeanStd(IEnumerable<double> values)
        {
            var v = values.ToArray();
            var mean = v.Average();
            var std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
            return string.Create(CultureInfo.InvariantCulture, $"{mean:F4} ± {std:F4}");
        }

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# TFS reproduction: {dataset}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Test metrics of the epoch chosen on validation (shared A4 rule, relative BACC gate), {epochs} full-batch epochs, SGD lr 0.01, momentum 0.9, wd 5e-4; mean ± sample std over seeds {string.Join(", ", backbones.Select(b => b.Seed))}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"ERM backbone: balanced accuracy {MeanStd(backbones.Select(b => b.Test[MetricKeys.BalancedAccuracy]))}, EOD {MeanStd(backbones.Select(b => b.Test[MetricKeys.EqualizedOddsDifference]))}, accuracy {MeanStd(backbones.Select(b => b.Test[MetricKeys.Accuracy]))}");
        md.AppendLine();
        md.AppendLine("| stitch point | method | alpha | balanced accuracy | EOD | accuracy | gate passed | train s (mean) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var g in rows.GroupBy(r => (r.Layer, r.Method, r.Alpha)))
        {
            var o = g.Select(r => r.Outcome).ToArray();
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Key.Layer} | {g.Key.Method} | {g.Key.Alpha} | {MeanStd(o.Select(x => x.Test[MetricKeys.BalancedAccuracy]))} | {MeanStd(o.Select(x => x.Test[MetricKeys.EqualizedOddsDifference]))} | {MeanStd(o.Select(x => x.Test[MetricKeys.Accuracy]))} | {o.Count(x => x.GatePassed)}/{o.Length} | {o.Average(x => x.TrainingElapsed.TotalSeconds):F1} |"));
        }

        return md.ToString();
    }
}
