using System.Globalization;
using FairSharp.OnnxMlNet;

// Usage: FairSharp.OnnxMlNet MODEL.onnx ROWS.csv [separator]
// Prints one score per row (P(y = 1 | x)), as `fairsharp predict` would, computed by ML.NET's ApplyOnnxModel.
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: FairSharp.OnnxMlNet MODEL.onnx ROWS.csv [separator]");
    return 2;
}

var separator = args.Length == 3 ? (args[2] == "tab" ? '\t' : args[2][0]) : ',';
var scores = OnnxScorer.Score(args[0], args[1], separator);
Console.WriteLine("score");
foreach (var score in scores)
{
    Console.WriteLine(((double)score).ToString("R", CultureInfo.InvariantCulture));
}

Console.Error.WriteLine($"{scores.Length} rows scored by ML.NET (ApplyOnnxModel)");
return 0;
