using System.CommandLine;
using System.Globalization;
using FairSharp.Cli.Safety;
using FairSharp.Experiments.Postprocessing;
using FairSharp.Metrics;
using FairSharp.Training.Objectives;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp postprocess</c>: per-group decision thresholds chosen on validation (fairlearn's
/// ThresholdOptimizer); writes a model folder that <c>predict</c> uses.</summary>
internal static class PostprocessCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Model folder written by 'fairsharp train' (model.bin, manifest.json).", Required = true };
        var constraint = new Option<string>("--constraint")
        {
            Description = "dp: equal selection rates; eo: equal true and false positive rates (randomised thresholds).",
            Required = true,
        };
        var output = new Option<string>("--out") { Description = "Output folder (new or empty): the model with thresholds.json, and result.json with test metrics.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the randomised decisions in result.json and predict's default (default 0).", DefaultValueFactory = _ => 0 };
        var grid = new Option<int>("--grid-size")
        {
            Description = "Grid intervals over [0, 1] for the common rate (fairlearn's grid_size; default 1000).",
            DefaultValueFactory = _ => ThresholdOptimizer.DefaultGridSize,
        };
        var dataDir = CommonOptions.DataDir();
        var dataFile = CommonOptions.ModelDataFile();

        var command = new Command("postprocess", "Per-group decision thresholds on a trained model, chosen on validation for dp or eo (fairlearn's ThresholdOptimizer).");
        foreach (var option in new Option[] { model, constraint, output, seed, grid, dataDir, dataFile })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output)!;
            OutputLocation.CheckNewFolder(outDir);
            var request = new PostprocessRequest(parse.GetValue(model)!, FairnessConstraints.ParsePostprocessing(parse.GetValue(constraint)!))
            {
                Seed = parse.GetValue(seed),
                GridSize = parse.GetValue(grid),
                DataDirectory = parse.GetValue(dataDir),
                DataFile = parse.GetValue(dataFile),
            };
            var outcome = PostprocessRun.Execute(request, outDir);
            var t = outcome.Thresholds;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"thresholds for {outcome.Constraint} chosen on {outcome.ValidationRows} validation rows (expected validation accuracy {t.Objective:F4}); wrote {outDir}"));
            foreach (var key in new[] { "accuracy", "demographic_parity_difference", "equalized_odds_difference" })
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  test {key}: {outcome.Test[key]:F4} (source model: {outcome.SourceTest.GetValueOrDefault(key, double.NaN):F4})"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
