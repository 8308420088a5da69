using System.Diagnostics;
using System.Globalization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>How to start a worker process: an executable and the arguments before the trial's own ones
/// (e.g. <c>fairsharp</c> with none, or <c>dotnet</c> with <c>path/fairsharp.dll</c>).</summary>
/// <param name="FileName">Executable to start.</param>
/// <param name="PrefixArguments">Arguments placed before <c>trial --spec FILE</c>.</param>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The start of one worker process with redirected streams: the prefix, then <paramref name="arguments"/>.
    /// OpenMP/MKL get <paramref name="threads"/> so that a worker never takes more cores than its trial was given, and
    /// CI=true keeps the child's output plain.</summary>
    internal ProcessStartInfo StartInfo(int threads, params string[] arguments)
    {
        var info = new ProcessStartInfo(FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in PrefixArguments.Concat(arguments))
        {
            info.ArgumentList.Add(a);
        }

        var text = threads.ToString(CultureInfo.InvariantCulture);
        info.Environment["OMP_NUM_THREADS"] = text;
        info.Environment["MKL_NUM_THREADS"] = text;
        info.Environment["CI"] = "true";
        return info;
    }
}
