using System.Diagnostics;

namespace FairSharp.Benchmarks;

/// <summary>The PyTorch reference (<c>benchmarks/reference/fairer_step_torch.py --serve</c>) as a child process: each
/// call sends one mode name and waits for "ok", so BenchmarkDotNet times PyTorch steps with the same harness as
/// FairSharp's (a pipe round trip adds tens of microseconds to steps of several milliseconds).</summary>
internal sealed class TorchReferenceProcess : IDisposable
{
    private readonly Process process;

    public TorchReferenceProcess(int threads)
    {
        var script = Locate(Path.Combine("benchmarks", "reference", "fairer_step_torch.py"));
        var python = Environment.GetEnvironmentVariable("FAIRSHARP_PYTHON") ?? "/usr/bin/python3";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--serve");
        start.ArgumentList.Add("--threads");
        start.ArgumentList.Add(threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Matched threads: torch intra-op threads = FairSharp's; OpenBLAS single-threaded inside them (TORCHSHARP.md).
        start.Environment["OPENBLAS_NUM_THREADS"] = Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? "1";
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {python}");
        var ready = process.StandardOutput.ReadLine();
        if (ready != "ready")
        {
            throw new InvalidOperationException($"the PyTorch reference did not start (got '{ready}'); is python3-torch installed?");
        }
    }

    public void Step(string mode)
    {
        process.StandardInput.WriteLine(mode);
        process.StandardInput.Flush();
        var answer = process.StandardOutput.ReadLine();
        if (answer != "ok")
        {
            throw new InvalidOperationException($"PyTorch reference step '{mode}' failed (got '{answer}')");
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.StandardInput.WriteLine("quit");
            process.StandardInput.Flush();
            process.WaitForExit(5000);
        }

        process.Dispose();
    }

    private static string Locate(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"cannot find {relative} above {AppContext.BaseDirectory}");
    }
}
