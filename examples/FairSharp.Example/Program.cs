// A console app that uses FairSharp as any application would: through its NuGet packages.
// Part 1 trains GapReg on Adult and prints fairlearn-exact test metrics (FairSharp.Data, .Training).
// Part 2 audits a predictions array with FairSharp.Metrics alone (no TorchSharp involved).
using System.Globalization;
using FairSharp.Data;
using FairSharp.Metrics;
using FairSharp.Training.Runs;

var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 150;

// 1. Adult (bundled in the FairSharp.Data package, sha256-checked), sex as the sensitive attribute, FFB protocol.
var adult = DatasetLoader.Prepare(new DataRequest("adult", ["sex"]));
Console.WriteLine($"Adult: {adult.Train.Count} train / {adult.Validation.Count} validation / {adult.Test.Count} test rows, groups {string.Join(", ", adult.GroupNames)}");

var outcome = TrainingRun.Execute(new TrainRequest("adult", ["sex"], "gapreg") { Lambda = 1.0, Seed = 0, Steps = steps }, adult);
Console.WriteLine($"gapreg (lambda 1, {outcome.Steps} steps): {outcome.Status}");
foreach (var key in new[] { MetricKeys.Accuracy, MetricKeys.DemographicParityDifference, MetricKeys.EqualizedOddsDifference, MetricKeys.RocAuc })
{
    Console.WriteLine($"  test {key,-32} {outcome.Test[key]:F4}");
}

// 2. Somebody else's model: hard predictions and a sensitive column, audited with FairSharp.Metrics only.
int[] yTrue = [1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1];
int[] yPred = [1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1];
var sex = GroupLabels.FromColumn(["f", "f", "f", "f", "f", "f", "m", "m", "m", "m", "m", "m"], "sex");
var accuracy = MetricFrame.Create<int>(BaseMetrics.Accuracy, yTrue, yPred, sex);
Console.WriteLine("audit of a predictions array:");
Console.WriteLine($"  accuracy overall {accuracy.Overall:F4}, by group {string.Join(", ", accuracy.ByGroup.Select(g => $"{g.Key} {g.Value:F4}"))}");
Console.WriteLine($"  demographic_parity_difference {FairnessMetrics.DemographicParityDifference(yTrue, yPred, sex):F4}");
Console.WriteLine($"  equalized_odds_difference     {FairnessMetrics.EqualizedOddsDifference(yTrue, yPred, sex):F4}");
return outcome.Succeeded ? 0 : 1;
