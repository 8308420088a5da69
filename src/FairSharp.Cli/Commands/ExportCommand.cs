using System.CommandLine;
using System.Globalization;
using FairSharp.Experiments.Export;
using FairSharp.Training.Checkpoints;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp export</c>: a tabular MLP model as ONNX, preprocessing and fairness card included.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Model folder written by 'fairsharp train --data …' (an mlp with preprocessing.json).", Required = true };
        var format = new Option<string>("--format") { Description = "Export format: onnx (default).", DefaultValueFactory = _ => "onnx" };
        var output = new Option<string>("--out") { Description = "File to write (e.g. model.onnx).", Required = true };

        var command = new Command("export", "Export a trained tabular model as ONNX: standardisation, one-hot encoding and the network in one graph; the fairness card in metadata_props.");
        foreach (var option in new Option[] { model, format, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            Safety.OutputLocation.CheckFile(parse.GetValue(output));
            var name = parse.GetValue(format)!;
            if (!string.Equals(name, "onnx", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, OnnxExport.UnknownFormat, name));
            }

            using var trained = TrainedModel.Load(parse.GetValue(model)!);
            var path = parse.GetValue(output)!;
            var proto = OnnxExport.Write(trained, path);
            console.Out.WriteLine($"wrote {path}: inputs {string.Join(", ", proto.Graph.Input.Select(i => i.Name))}; output {OnnxExport.Output} = P(y = 1 | x)");
            console.Out.WriteLine($"'{OnnxExport.NumericInput}' takes the raw numeric columns in this order (NaN = missing): {string.Join(", ", trained.RequirePreprocessing().Numeric.Select(n => n.Name))}");
            console.Out.WriteLine($"fairness card in metadata_props: {string.Join(", ", OnnxExport.CardKeys)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
