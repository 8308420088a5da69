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
        var model = new Option<string>("--model") { Description = "Model folder of an mlp written by 'fairsharp train --data …', or by 'fairsharp train --dataset adult|german' (protocol ffb).", Required = true };
        var format = new Option<string>("--format") { Description = "Export format: onnx (default).", DefaultValueFactory = _ => "onnx" };
        var output = new Option<string>("--out") { Description = "File to write (e.g. model.onnx).", Required = true };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder holding the bundled datasets, for a model trained with --dataset adult or german: its encoder is fitted again from them (default: the repository's data/ folder, or FAIRSHARP_DATA)." };

        var command = new Command("export", "Export a trained tabular model as ONNX: standardisation, one-hot encoding and the network in one graph; the fairness card in metadata_props.");
        foreach (var option in new Option[] { model, format, output, dataDir })
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
            var proto = OnnxExport.Write(trained, path, parse.GetValue(dataDir));
            console.Out.WriteLine($"wrote {path}: inputs {string.Join(", ", proto.Graph.Input.Select(i => i.Name))}; output {OnnxExport.Output} = P(y = 1 | x)");
            console.Out.WriteLine($"'{OnnxExport.NumericInput}' takes the raw numeric columns in this order (NaN = missing): {string.Join(", ", OnnxExport.NumericColumns(trained, parse.GetValue(dataDir)))}");
            if (trained.Preprocessing is null)
            {
                console.Out.WriteLine($"the encoder of --dataset {trained.Config.Dataset} was fitted again from the bundled data (sha256 matches the manifest); it is in the graph and, as JSON, in metadata_props' fairsharp.preprocessing");
            }

            console.Out.WriteLine($"fairness card in metadata_props: {string.Join(", ", OnnxExport.CardKeys)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
