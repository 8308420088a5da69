using System.Text.Json;
using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Metrics;
using FairSharp.Training;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Protocols;
using FairSharp.Training.Runs;
using static TorchSharp.torch;

namespace FairSharp.Conformance;

/// <summary>Issue 17's end-to-end check: for each seed, the fairmixup protocol's Adult data (EO mode) and the initial
/// weights `fairsharp train` builds for that seed, then FairSharp's full run (ERM, and GapReg at λ = 1): per-epoch
/// validation and test AP and eo_score_gap, the chosen epoch and its test numbers. The Python side trains the
/// authors' pipeline from the same data and weights.</summary>
internal static class EndToEndExport
{
    public static void Run(string output, IEnumerable<int> seeds)
    {
        foreach (var seed in seeds)
        {
            var dir = Directory.CreateDirectory(Path.Combine(output, "e2e", $"seed{seed}")).FullName;
            var data = AdultExport.Load(seed);
            AdultExport.Write(dir, data);
            var runs = new Dictionary<string, object>();
            foreach (var (name, method, lambda) in new[] { ("erm", "erm", 0.0), ("gapreg", "gapreg", 1.0) })
            {
                var request = new TrainRequest("adult", ["sex"], method)
                {
                    Protocol = FairMixupProtocol.ProtocolName,
                    Constraint = FairnessConstraint.EqualizedOdds,
                    Options = method == "gapreg" ? new GapRegOptions(lambda) : null,
                    Seed = seed,
                    Threads = 1,
                    TestCurve = true, // the per-epoch test curve is printed next to the authors'; selection does not read it
                };
                // The same initial weights TrainingRun builds: torch seeded with the run's seed, then the protocol's model.
                var plan = TrainingProtocols.Resolve(request, data);
                Trainer.SeedTorch(seed);
                using (var model = plan.Model.Build())
                {
                    StepsExport.WriteState(dir, "init", model);
                }

                var outcome = TrainingRun.Execute(request, data);
                runs[name] = new
                {
                    chosen_epoch = outcome.ChosenEpoch,
                    test_ap = outcome.Test[MetricKeys.AveragePrecision],
                    test_eo_score_gap = outcome.Test[MetricKeys.EoScoreGap],
                    val_eo_score_gap = outcome.Epochs.Select(e => e.Validation[MetricKeys.EoScoreGap]).ToArray(),
                    test_eo_score_gaps = outcome.Epochs.Select(e => e.Test[MetricKeys.EoScoreGap]).ToArray(),
                    test_aps = outcome.Epochs.Select(e => e.Test[MetricKeys.AveragePrecision]).ToArray(),
                };
                Console.WriteLine($"e2e seed {seed} {name}: epoch {outcome.ChosenEpoch}, AP {outcome.Test[MetricKeys.AveragePrecision]:F4}, eo_score_gap {outcome.Test[MetricKeys.EoScoreGap]:F4}");
            }

            File.WriteAllText(Path.Combine(dir, "fairsharp.json"), JsonSerializer.Serialize(runs));
        }
    }
}
