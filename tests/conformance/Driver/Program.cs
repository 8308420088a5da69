using FairSharp.Conformance;

// Usage: FairSharp.Conformance <command> <out-dir> [args]; commands: adult SEED..., steps, metrics, selection, stitch,
// cosine, e2e SEED..., and all (adult 0 1 and the five comparisons' exports in one process). Every command writes .npy
// files and a JSON summary under <out-dir>.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: FairSharp.Conformance all|adult|steps|metrics|selection|stitch|cosine|ffb|e2e OUT [SEED...]");
    return 2;
}

var output = Directory.CreateDirectory(args[1]).FullName;
var seeds = args.Skip(2).Select(int.Parse).ToArray();
TorchSharp.torch.set_num_threads(1);
switch (args[0])
{
    case "all":
        AdultExport.Run(output, [0, 1]);
        StepsExport.Run(output);
        MetricsExport.Run(output);
        SelectionExport.Run(output);
        StitchExport.Run(output);
        CosineExport.Run(output);
        FfbExport.Run(output);
        break;
    case "ffb":
        FfbExport.Run(output);
        break;
    case "adult":
        AdultExport.Run(output, seeds.Length > 0 ? seeds : [0]);
        break;
    case "steps":
        StepsExport.Run(output);
        break;
    case "metrics":
        MetricsExport.Run(output);
        break;
    case "selection":
        SelectionExport.Run(output);
        break;
    case "stitch":
        StitchExport.Run(output);
        break;
    case "cosine":
        CosineExport.Run(output);
        break;
    case "e2e":
        EndToEndExport.Run(output, seeds.Length > 0 ? seeds : [0]);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}

return 0;
